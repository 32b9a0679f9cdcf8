package io.aigw.catalog.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.aigw.kit.projection.ProjectionUpsert;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/** {@code config-changes}, kind {@code configuration}: its provider and model references, replaced whole. */
@ApplicationScoped
public class ConfigurationProjection implements ProjectionHandler {

    public static final String TOPIC = "config-changes";

    private static final String UPSERT = "insert into configuration_ref as t (id, version, deleted)"
            + " values (:id, :version, :deleted) on conflict (id) do update set"
            + " version = excluded.version, deleted = excluded.deleted" + VERSION_GUARD;

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    @WithTransaction
    public Uni<Boolean> apply(ChangeEvent event) {
        if (!"configuration".equals(event.kind())) {
            return Uni.createFrom().item(false); // gateway-settings names no provider or model
        }
        Set<ConfigurationReferences.Reference> refs = event.isDeleted() ? Set.of()
                : ConfigurationReferences.of(event.data());
        String[] providers = refs.stream().map(ConfigurationReferences.Reference::providerId).toArray(String[]::new);
        String[] models = refs.stream().map(ConfigurationReferences.Reference::modelRef).toArray(String[]::new);
        return ProjectionUpsert.applyReplacingChildren(UPSERT, event, Map.of(),
                "delete from configuration_reference where configuration_id = :id",
                "insert into configuration_reference (configuration_id, provider_id, model_ref)"
                        + " select :id, p, m from unnest(cast(:providers as text[]), cast(:models as text[])) as r (p, m)",
                refs.size(), Map.of("providers", providers, "models", models));
    }
}
