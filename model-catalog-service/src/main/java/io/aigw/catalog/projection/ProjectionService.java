package io.aigw.catalog.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies other services' change events to this service's projections. An event whose version is not newer
 * than the stored one is dropped; a {@code created} event revives a deleted id (a re-created aggregate starts
 * again at version 1).
 */
@ApplicationScoped
public class ProjectionService {

    private static final String GUARD =
            " where t.version < excluded.version or (t.deleted and not excluded.deleted and :created)";
    private static final String PROVIDER_KEY = "insert into provider_key_ref as t (id, provider_id, version, deleted)"
            + " values (:id, :providerId, :version, :deleted) on conflict (id) do update set"
            + " provider_id = coalesce(excluded.provider_id, t.provider_id), version = excluded.version,"
            + " deleted = excluded.deleted" + GUARD;
    private static final String CONFIGURATION = "insert into configuration_ref as t (id, version, deleted)"
            + " values (:id, :version, :deleted) on conflict (id) do update set"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;

    /** {@code provider-key-changes}: kind {@code provider-key}; a key names its provider. */
    @WithTransaction
    public Uni<Boolean> applyProviderKey(ChangeEvent event) {
        if (!"provider-key".equals(event.kind())) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(PROVIDER_KEY)
                .setParameter("id", event.id())
                .setParameter("providerId", event.isDeleted() ? null : event.text("providerId"))
                .setParameter("version", event.version()).setParameter("deleted", event.isDeleted())
                .setParameter("created", event.isCreated()).executeUpdate())
                .map(rows -> applied(event, rows > 0));
    }

    /** {@code config-changes}: kind {@code configuration}; its references are replaced whole. */
    @WithTransaction
    public Uni<Boolean> applyConfig(ChangeEvent event) {
        if (!"configuration".equals(event.kind())) {
            return Uni.createFrom().item(false); // gateway-settings names no provider or model
        }
        Set<ConfigurationReferences.Reference> refs = event.isDeleted() ? Set.of()
                : ConfigurationReferences.of(event.data());
        return Panache.getSession().chain(session -> session.createNativeQuery(CONFIGURATION)
                .setParameter("id", event.id()).setParameter("version", event.version())
                .setParameter("deleted", event.isDeleted()).setParameter("created", event.isCreated())
                .executeUpdate()
                .chain(rows -> rows == 0 ? Uni.createFrom().item(false)
                        : session.createNativeQuery("delete from configuration_reference where configuration_id = :id")
                                .setParameter("id", event.id()).executeUpdate()
                                .chain(() -> insert(session, event.id(), refs))
                                .replaceWith(true)))
                .map(applied -> applied(event, applied));
    }

    private static Uni<Void> insert(Mutiny.Session session, String id, Set<ConfigurationReferences.Reference> refs) {
        if (refs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] providers = refs.stream().map(ConfigurationReferences.Reference::providerId).toArray(String[]::new);
        String[] models = refs.stream().map(ConfigurationReferences.Reference::modelRef).toArray(String[]::new);
        return session.createNativeQuery("insert into configuration_reference (configuration_id, provider_id, model_ref)"
                        + " select :id, p, m from unnest(cast(:providers as text[]), cast(:models as text[])) as r (p, m)")
                .setParameter("id", id).setParameter("providers", providers).setParameter("models", models)
                .executeUpdate().replaceWithVoid();
    }

    private static boolean applied(ChangeEvent event, boolean applied) {
        if (!applied) {
            Log.debugf("Dropped stale %s %s v%d", event.kind(), event.id(), event.version());
        }
        return applied;
    }
}
