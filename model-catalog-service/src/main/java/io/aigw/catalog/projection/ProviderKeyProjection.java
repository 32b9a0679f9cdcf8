package io.aigw.catalog.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.aigw.kit.projection.ProjectionUpsert;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code provider-key-changes}, kind {@code provider-key}: which provider each key names. */
@ApplicationScoped
public class ProviderKeyProjection implements ProjectionHandler {

    public static final String TOPIC = "provider-key-changes";

    private static final String UPSERT = "insert into provider_key_ref as t (id, provider_id, version, deleted)"
            + " values (:id, :providerId, :version, :deleted) on conflict (id) do update set"
            + " provider_id = coalesce(excluded.provider_id, t.provider_id), version = excluded.version,"
            + " deleted = excluded.deleted" + VERSION_GUARD;

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    @WithTransaction
    public Uni<Boolean> apply(ChangeEvent event) {
        if (!"provider-key".equals(event.kind())) {
            return Uni.createFrom().item(false);
        }
        return ProjectionUpsert.apply(UPSERT, event,
                ProjectionUpsert.values("providerId", event.isDeleted() ? null : event.text("providerId")));
    }
}
