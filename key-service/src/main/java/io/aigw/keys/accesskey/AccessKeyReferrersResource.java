package io.aigw.keys.accesskey;

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
 * {@code GET /internal/v1/access-key-referrers?configurationId=X} (service token): the access keys bound to
 * configuration X, asked by config-service before it deletes X. Waits (guard row {@code for update}) for every
 * access-key write that is binding a key to X, so its answer includes them.
 */
@Path("/internal/v1/access-key-referrers")
@Produces(MediaType.APPLICATION_JSON)
public class AccessKeyReferrersResource {

    private final ReferenceGuards guards;

    public AccessKeyReferrersResource(ReferenceGuards guards) {
        this.guards = guards;
    }

    @GET
    @WithTransaction
    public Uni<Page<String>> referrers(@RestQuery String configurationId) {
        if (configurationId == null || configurationId.isEmpty()) {
            throw ProblemException.parameter("configurationId", "Is required.");
        }
        return guards.referrers(ReferenceGuards.CONFIGURATION, configurationId,
                "select id from access_key where configuration_id = :id order by id", configurationId);
    }
}
