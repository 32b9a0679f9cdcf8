package io.aigw.config.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Objects;

import static io.aigw.kit.projection.ProjectionUpsert.apply;
import static io.aigw.kit.projection.ProjectionUpsert.values;

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

    /** The topics followed (kit projection consumer): the catalog, provider keys, access keys. */
    @Produces
    @Singleton
    static ProjectionHandler catalogChanges(ProjectionService projections) {
        return ProjectionHandler.on("catalog-changes", projections::applyCatalog);
    }

    @Produces
    @Singleton
    static ProjectionHandler providerKeyChanges(ProjectionService projections) {
        return ProjectionHandler.on("provider-key-changes", projections::applyProviderKey);
    }

    @Produces
    @Singleton
    static ProjectionHandler accessKeyChanges(ProjectionService projections) {
        return ProjectionHandler.on("access-key-changes", projections::applyAccessKey);
    }

    /** {@code catalog-changes}: kinds {@code provider}, {@code model} and {@code virtual-model}. */
    @WithTransaction
    public Uni<Boolean> applyCatalog(ChangeEvent event) {
        if ("provider".equals(event.kind())) {
            return apply(PROVIDER, event, values("passThrough", event.flag("allowPassThroughModels"),
                    "status", status(event)));
        }
        if ("model".equals(event.kind())) {
            int colon = event.id().indexOf(':');
            String providerId = event.isDeleted() || event.text("providerId") == null
                    ? event.id().substring(0, Math.max(colon, 0)) : event.text("providerId");
            String modelId = event.isDeleted() || event.text("modelId") == null
                    ? event.id().substring(colon + 1) : event.text("modelId");
            return apply(MODEL, event, values("providerId", providerId, "modelId", modelId,
                    "bareId", event.flag("bareId"), "status", status(event)));
        }
        if ("virtual-model".equals(event.kind())) {
            return apply(VIRTUAL_MODEL, event, values());
        }
        return ignore(event);
    }

    /** {@code provider-key-changes}: kind {@code provider-key}. */
    @WithTransaction
    public Uni<Boolean> applyProviderKey(ChangeEvent event) {
        if (!"provider-key".equals(event.kind())) {
            return ignore(event);
        }
        return apply(PROVIDER_KEY, event, values("providerId", event.text("providerId"), "status", status(event)));
    }

    /** {@code access-key-changes}: kind {@code access-key}. */
    @WithTransaction
    public Uni<Boolean> applyAccessKey(ChangeEvent event) {
        if (!"access-key".equals(event.kind())) {
            return ignore(event);
        }
        return apply(ACCESS_KEY, event, values("configurationId", event.text("configurationId"),
                "status", status(event)));
    }

    private static Uni<Boolean> ignore(ChangeEvent event) {
        Log.debugf("Ignored event of kind %s", event.kind());
        return Uni.createFrom().item(false);
    }

    private static String status(ChangeEvent event) {
        return event.isDeleted() ? "deleted" : Objects.requireNonNullElse(event.text("status"), "active");
    }
}
