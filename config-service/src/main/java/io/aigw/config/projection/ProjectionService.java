package io.aigw.config.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.Objects;

/**
 * Applies change events of other services to this service's projections. An event whose version
 * is not newer than the stored one is dropped; a {@code created} event revives a deleted id
 * (a re-created aggregate starts again at version 1).
 */
@ApplicationScoped
public class ProjectionService {

    private static final String GUARD = ProjectionHandler.VERSION_GUARD;
    private static final String PROVIDER = "insert into catalog_provider as t (id, allow_pass_through, status, version, deleted)"
            + " values (:id, :passThrough, :status, :version, :deleted) on conflict (id) do update set"
            + " allow_pass_through = excluded.allow_pass_through, status = excluded.status,"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;
    private static final String MODEL = "insert into catalog_model as t (id, provider_id, model_id, bare_id, status, version, deleted)"
            + " values (:id, :providerId, :modelId, :bareId, :status, :version, :deleted) on conflict (id) do update set"
            + " bare_id = excluded.bare_id, status = excluded.status,"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;
    private static final String VIRTUAL_MODEL = "insert into catalog_virtual_model as t (id, version, deleted)"
            + " values (:id, :version, :deleted) on conflict (id) do update set"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;
    private static final String PROVIDER_KEY = "insert into provider_key as t (id, provider_id, status, version, deleted)"
            + " values (:id, :providerId, :status, :version, :deleted) on conflict (id) do update set"
            + " provider_id = coalesce(excluded.provider_id, t.provider_id), status = excluded.status,"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;
    private static final String ACCESS_KEY = "insert into access_key as t (id, configuration_id, status, version, deleted)"
            + " values (:id, :configurationId, :status, :version, :deleted) on conflict (id) do update set"
            + " configuration_id = excluded.configuration_id, status = excluded.status,"
            + " version = excluded.version, deleted = excluded.deleted" + GUARD;


    /** {@code catalog-changes}: kinds {@code provider}, {@code model} and {@code virtual-model}. */
    @WithTransaction
    public Uni<Boolean> applyCatalog(ChangeEvent event) {
        if ("provider".equals(event.kind())) {
            return upsert(PROVIDER, event, Map.of("passThrough", event.flag("allowPassThroughModels"),
                    "status", status(event)));
        }
        if ("model".equals(event.kind())) {
            int colon = event.id().indexOf(':');
            String providerId = event.isDeleted() || event.text("providerId") == null
                    ? event.id().substring(0, Math.max(colon, 0)) : event.text("providerId");
            String modelId = event.isDeleted() || event.text("modelId") == null
                    ? event.id().substring(colon + 1) : event.text("modelId");
            return upsert(MODEL, event, Map.of("providerId", providerId, "modelId", modelId,
                    "bareId", event.flag("bareId"), "status", status(event)));
        }
        if ("virtual-model".equals(event.kind())) {
            return upsert(VIRTUAL_MODEL, event, Map.of());
        }
        return ignore(event);
    }

    /** {@code provider-key-changes}: kind {@code provider-key}. */
    @WithTransaction
    public Uni<Boolean> applyProviderKey(ChangeEvent event) {
        if (!"provider-key".equals(event.kind())) {
            return ignore(event);
        }
        return upsert(PROVIDER_KEY, event, Map.of("providerId", nullable(event.text("providerId")),
                "status", status(event)));
    }

    /** {@code access-key-changes}: kind {@code access-key}. */
    @WithTransaction
    public Uni<Boolean> applyAccessKey(ChangeEvent event) {
        if (!"access-key".equals(event.kind())) {
            return ignore(event);
        }
        return upsert(ACCESS_KEY, event, Map.of("configurationId", nullable(event.text("configurationId")),
                "status", status(event)));
    }

    private Uni<Boolean> upsert(String sql, ChangeEvent event, Map<String, Object> values) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql)
                    .setParameter("id", event.id())
                    .setParameter("version", event.version())
                    .setParameter("deleted", event.isDeleted())
                    .setParameter("created", event.isCreated());
            values.forEach((name, value) -> query.setParameter(name, value == NULL ? null : value));
            return query.executeUpdate();
        }).map(rows -> {
            if (rows == 0) {
                Log.debugf("Dropped stale %s %s v%d", event.kind(), event.id(), event.version());
            }
            return rows > 0;
        });
    }

    private static Uni<Boolean> ignore(ChangeEvent event) {
        Log.debugf("Ignored event of kind %s", event.kind());
        return Uni.createFrom().item(false);
    }

    private static String status(ChangeEvent event) {
        return event.isDeleted() ? "deleted" : Objects.requireNonNullElse(event.text("status"), "active");
    }

    /** Map.of refuses nulls: this marker stands for SQL NULL. */
    private static final Object NULL = new Object();

    private static Object nullable(String value) {
        return value == null ? NULL : value;
    }
}
