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
 * scope, a rule's provider, or the provider of a stored {@code P:model} entry), asked by the catalog before it deletes P;
 * {@code ?model=P:M}: the configurations naming that exact model address (access scope, a rule's model, a step's
 * models), asked by the catalog before it deletes the model.
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
            @RestQuery String provider, @RestQuery String model) {
        java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("providerKey", providerKey);
        given.put("virtualModel", virtualModel);
        given.put("provider", provider);
        given.put("model", model);
        given.values().removeIf(value -> value == null || value.isEmpty());
        if (given.size() != 1) {
            throw ProblemException.parameter(given.isEmpty() ? "providerKey" : given.keySet().iterator().next(),
                    "Exactly one of providerKey, virtualModel, provider and model is required.");
        }
        if (model != null && !model.isEmpty()) {
            String vars = ", jsonb_build_object('m', cast(:id as text)))";
            return guards.referrers(ReferenceGuards.MODEL, model, "select id from configuration where"
                    + " jsonb_path_exists(document, 'lax $.access.models.allow[*] ? (@ == $m)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].model ? (@ == $m)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].steps[*].models[*] ? (@ == $m)'" + vars
                    + " order by id", model);
        }
        if (provider != null && !provider.isEmpty()) {
            String vars = ", jsonb_build_object('p', cast(:id as text), 'c', cast(:id as text) || ':'))";
            return guards.referrers(ReferenceGuards.PROVIDER, provider, "select id from configuration where"
                    + " jsonb_path_exists(document, 'lax $.access.providers.allow[*] ? (@ == $p)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].provider ? (@ == $p)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.access.models.allow[*] ? (@ starts with $c)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].model ? (@ starts with $c)'" + vars
                    + " or jsonb_path_exists(document, 'lax $.router.rules[*].steps[*].models[*] ? (@ starts with $c)'"
                    + vars + " order by id", provider);
        }
        if (virtualModel != null && !virtualModel.isEmpty()) {
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
