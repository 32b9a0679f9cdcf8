package io.aigw.keys.providerkey;

import io.aigw.kit.paging.Page;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.projection.ReferenceGuards;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/provider-key-referrers?providerId=X} (service token): the provider keys of catalog provider
 * X, asked by model-catalog-service before it deletes X. Waits (guard row {@code for update}) for every provider-key
 * create for X in flight, so its answer includes them ({@link ReferenceGuards}).
 */
@Path("/internal/v1/provider-key-referrers")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderKeyReferrersResource {

    private final ReferenceGuards guards;

    public ProviderKeyReferrersResource(ReferenceGuards guards) {
        this.guards = guards;
    }

    @GET
    @WithTransaction
    public Uni<Page<String>> referrers(@RestQuery String providerId) {
        if (providerId == null || providerId.isEmpty()) {
            throw ProblemException.parameter("providerId", "Is required.");
        }
        return guards.referrers(ReferenceGuards.PROVIDER, providerId,
                "select id from provider_key where provider_id = :id order by id", providerId);
    }
}
