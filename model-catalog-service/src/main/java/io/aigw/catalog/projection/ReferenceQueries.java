package io.aigw.catalog.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What still refers to a provider or model: the projections, and virtual models whose {@code provider:model} targets
 * name it (inside the caller's session).
 */
@ApplicationScoped
public class ReferenceQueries {

    /** At most this many referrers of each kind are named in a 409. */
    static final int NAMED = 5;

    /** Live provider keys, configurations and virtual models that name this provider, as readable phrases (empty = none). */
    public Uni<List<String>> referrersOfProvider(String providerId) {
        return list("select id from provider_key_ref where provider_id = :ref and not deleted order by id", providerId)
                .chain(keys -> list("select distinct r.configuration_id from configuration_reference r"
                        + " join configuration_ref c on c.id = r.configuration_id"
                        + " where r.provider_id = :ref and not c.deleted order by 1", providerId)
                        .chain(configurations -> list("select name from virtual_model v where exists (select 1 from"
                                + " unnest(v.targets) t where split_part(t, ':', 1) = :ref) order by name", providerId)
                                .map(virtual -> phrases(keys, configurations, virtual))));
    }

    /** Live configurations and virtual models that name this model address ({@code provider:model}). */
    public Uni<List<String>> referrersOfModel(String address) {
        return list("select distinct r.configuration_id from configuration_reference r"
                + " join configuration_ref c on c.id = r.configuration_id"
                + " where r.model_ref = :ref and not c.deleted order by 1", address)
                .chain(configurations -> list("select name from virtual_model where :ref = any(targets) order by name",
                        address).map(virtual -> phrases(List.of(), configurations, virtual)));
    }

    /** Live configurations whose access scope names this virtual model (any case), as a phrase (empty = none). */
    public Uni<List<String>> referrersOfVirtualModel(String name) {
        return list("select distinct r.configuration_id from configuration_reference r"
                + " join configuration_ref c on c.id = r.configuration_id"
                + " where r.provider_id = '' and lower(r.model_ref) = lower(:ref) and not c.deleted order by 1", name)
                .map(configurations -> phrases(List.of(), configurations, List.of()));
    }

    private static Uni<List<String>> list(String sql, String ref) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql + " limit " + (NAMED + 1),
                String.class).setParameter("ref", ref).getResultList());
    }

    private static List<String> phrases(List<String> keys, List<String> configurations, List<String> virtualModels) {
        List<String> phrases = new ArrayList<>();
        if (!keys.isEmpty()) {
            phrases.add("provider key(s) " + names(keys));
        }
        if (!configurations.isEmpty()) {
            phrases.add("configuration(s) " + names(configurations));
        }
        if (!virtualModels.isEmpty()) {
            phrases.add("virtual model(s) " + names(virtualModels));
        }
        return phrases;
    }

    /** At most {@link #NAMED} of {@code ids}, comma-separated, "…" when there are more. */
    public static String names(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(ids.size(), NAMED)));
        return ids.size() > NAMED ? shown + ", …" : shown;
    }
}
