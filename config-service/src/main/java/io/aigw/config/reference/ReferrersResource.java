package io.aigw.config.reference;

import io.aigw.kit.paging.Page;
import io.aigw.kit.projection.ReferenceGuards;
import io.aigw.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/configuration-referrers?providerKey=X} (service token): the configurations whose routing
 * names provider key X, asked by key-service before it deletes X; {@code ?virtualModel=V}: the configurations whose
 * access scope names virtual model V (any case), asked by the catalog before it deletes V. Waits (guard row
 * {@code for update}) for every configuration write that is adding a reference to X or V, so its answer includes
 * them (kit {@code ReferenceGuards}); {@code ?provider=P}: the configurations naming catalog provider P (its access
 * scope, a rule's provider, or the provider of a stored {@code P:model} entry), asked by the catalog before it deletes P.
 */
@Path("/internal/v1/configuration-referrers")
@Produces(MediaType.APPLICATION_JSON)
public class ReferrersResource {

    private final ReferenceGuards guards;

    public ReferrersResource(ReferenceGuards guards) {
        this.guards = guards;
    }

    @GET
    @WithTransaction
    public Uni<Page<String>> referrers(@RestQuery String providerKey, @RestQuery String virtualModel,
            @RestQuery String provider) {
        boolean byKey = providerKey != null && !providerKey.isEmpty();
        boolean byVirtualModel = virtualModel != null && !virtualModel.isEmpty();
        boolean byProvider = provider != null && !provider.isEmpty();
        if ((byKey ? 1 : 0) + (byVirtualModel ? 1 : 0) + (byProvider ? 1 : 0) != 1) {
            throw ProblemException.parameter(byKey ? (byVirtualModel ? "virtualModel" : "provider") : "providerKey",
                    "Exactly one of providerKey, virtualModel and provider is required.");
        }
        if (byProvider) {
            String vars = ", jsonb_build_object('p', cast(:id as text), 'c', cast(:id as text) || ':'))";
            return guards.referrers(ReferenceGuards.PROVIDER, provider, "select id from configuration where"
                    + " jsonb_path_exists(document, 'lax $.access.providers.allow[*] ? (@ == $p)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].provider ? (@ == $p)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.access.models.allow[*] ? (@ starts with $c)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].model ? (@ starts with $c)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].steps[*].models[*] ? (@ starts with $c)'"
                    + vars + " order by id", provider);
        }
        if (byVirtualModel) {
            return guards.referrers(ReferenceGuards.VIRTUAL_MODEL, virtualModel.toLowerCase(java.util.Locale.ROOT),
                    "select id from configuration c where exists (select 1 from jsonb_path_query(c.document,"
                            + " 'lax $.access.models.allow[*]') e where lower(e #>> '{}') = lower(:id)) order by id",
                    virtualModel);
        }
        return guards.referrers(ReferenceGuards.PROVIDER_KEY, providerKey, "select id from configuration where"
                + " jsonb_path_exists(document, '$.router.rules[*].steps[*].keys[*] ? (@ == $k)',"
                + " jsonb_build_object('k', cast(:id as text))) order by id", providerKey);
    }
}
