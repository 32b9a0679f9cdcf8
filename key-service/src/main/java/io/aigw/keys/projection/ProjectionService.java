package io.aigw.keys.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Applies other services' change events to this service's projections. An event whose version is
 * not newer than the stored one is dropped; a {@code created} event revives a deleted id (a
 * re-created aggregate starts again at version 1).
 */
@ApplicationScoped
public class ProjectionService {

    private static final String GUARD = ProjectionHandler.VERSION_GUARD;
    private static final String PROVIDER = "insert into catalog_provider as t (id, status, version, deleted)"
            + " values (:id, :status, :version, :deleted) on conflict (id) do update set status = excluded.status,"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;
    private static final String CONFIGURATION = "insert into configuration_ref as t (id, version, deleted)"
            + " values (:id, :version, :deleted) on conflict (id) do update set"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;

    /** {@code catalog-changes}: only kind {@code provider} matters here (provider keys name providers). */
    @WithTransaction
    public Uni<Boolean> applyCatalog(ChangeEvent event) {
        if (!"provider".equals(event.kind())) {
            return Uni.createFrom().item(false);
        }
        String status = event.isDeleted() ? "deleted" : Objects.requireNonNullElse(event.text("status"), "active");
        return Panache.getSession().chain(session -> session.createNativeQuery(PROVIDER)
                .setParameter("id", event.id()).setParameter("status", status)
                .setParameter("version", event.version()).setParameter("deleted", event.isDeleted())
                .setParameter("created", event.isCreated()).executeUpdate())
                .map(rows -> applied(event, rows));
    }

    /** {@code config-changes}: kind {@code configuration}; its provider-key references are replaced whole. */
    @WithTransaction
    public Uni<Boolean> applyConfig(ChangeEvent event) {
        if (!"configuration".equals(event.kind())) {
            return Uni.createFrom().item(false);
        }
        Set<String> keys = event.isDeleted() ? Set.of() : referencedKeys(event.data());
        return Panache.getSession().chain(session -> session.createNativeQuery(CONFIGURATION)
                .setParameter("id", event.id()).setParameter("version", event.version())
                .setParameter("deleted", event.isDeleted()).setParameter("created", event.isCreated())
                .executeUpdate()
                .chain(rows -> rows == 0 ? Uni.createFrom().item(false)
                        : session.createNativeQuery("delete from configuration_provider_key where configuration_id = :id")
                                .setParameter("id", event.id()).executeUpdate()
                                .chain(() -> insertKeys(session, event.id(), keys))
                                .replaceWith(true)))
                .map(applied -> applied(event, applied ? 1 : 0));
    }

    private static Uni<Void> insertKeys(Mutiny.Session session, String id, Set<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("insert into configuration_provider_key (configuration_id, provider_key_id)"
                        + " select :id, unnest(cast(:keys as varchar[]))")
                .setParameter("id", id).setParameter("keys", keys.toArray(new String[0]))
                .executeUpdate().replaceWithVoid();
    }

    /** Every {@code router.rules[].steps[].keys[]} entry of a configuration. */
    static Set<String> referencedKeys(JsonNode configuration) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode rule : configuration.path("router").path("rules")) {
            for (JsonNode step : rule.path("steps")) {
                step.path("keys").forEach(key -> {
                    if (key.isTextual()) {
                        keys.add(key.asText());
                    }
                });
            }
        }
        return keys;
    }

    private static boolean applied(ChangeEvent event, int rows) {
        if (rows == 0) {
            Log.debugf("Dropped stale %s %s v%d", event.kind(), event.id(), event.version());
        }
        return rows > 0;
    }
}
