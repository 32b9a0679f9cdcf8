package io.aigw.keys.projection;

import io.aigw.kit.projection.OwnerLookup;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Look-ups the write paths make against the projections (inside the caller's session). */
@ApplicationScoped
public class ProjectionQueries {

    private final OwnerLookup owners;

    public ProjectionQueries(OwnerLookup owners) {
        this.owners = owners;
    }

    /** Whether the configuration exists: the projection, and on a miss config-service itself. */
    public Uni<Boolean> configurationExists(String configurationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from configuration_ref where id = :id and not deleted", Long.class)
                .setParameter("id", configurationId).getSingleResult())
                .chain(count -> count > 0 ? Uni.createFrom().item(true)
                        : owners.configuration(configurationId).map(configuration -> configuration != null));
    }

    /** Ids of the live configurations whose router uses this provider key. */
    public Uni<List<String>> configurationsUsing(String providerKeyId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select k.configuration_id from configuration_provider_key k join configuration_ref c"
                                + " on c.id = k.configuration_id where k.provider_key_id = :id and not c.deleted"
                                + " order by 1", String.class)
                .setParameter("id", providerKeyId).getResultList());
    }
}
