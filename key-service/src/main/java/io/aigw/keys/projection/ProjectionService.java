package io.aigw.keys.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.aigw.kit.projection.ProjectionUpsert;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /** The topics followed (kit projection consumer): the catalog, configurations. */
    @Produces
    @Singleton
    static ProjectionHandler catalogChanges(ProjectionService projections) {
        return ProjectionHandler.on("catalog-changes", projections::applyCatalog);
    }

    @Produces
    @Singleton
    static ProjectionHandler configChanges(ProjectionService projections) {
        return ProjectionHandler.on("config-changes", projections::applyConfig);
    }

    /** {@code catalog-changes}: only kind {@code provider} matters here (provider keys name providers). */
    @WithTransaction
    public Uni<Boolean> applyCatalog(ChangeEvent event) {
        if (!"provider".equals(event.kind())) {
            return Uni.createFrom().item(false);
        }
        String status = event.isDeleted() ? "deleted" : Objects.requireNonNullElse(event.text("status"), "active");
        return ProjectionUpsert.apply(PROVIDER, event, ProjectionUpsert.values("status", status));
    }

    /** {@code config-changes}: kind {@code configuration}; its provider-key references are replaced whole. */
    @WithTransaction
    public Uni<Boolean> applyConfig(ChangeEvent event) {
        if (!"configuration".equals(event.kind())) {
            return Uni.createFrom().item(false);
        }
        Set<String> keys = event.isDeleted() ? Set.of() : referencedKeys(event.data());
        return ProjectionUpsert.applyReplacingChildren(CONFIGURATION, event, Map.of(),
                "delete from configuration_provider_key where configuration_id = :id",
                "insert into configuration_provider_key (configuration_id, provider_key_id)"
                        + " select :id, unnest(cast(:keys as varchar[]))",
                keys.size(), Map.of("keys", keys.toArray(new String[0])));
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
}
