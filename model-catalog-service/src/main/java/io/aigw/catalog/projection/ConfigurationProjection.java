package io.aigw.catalog.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;

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
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("id", event.id()).setParameter("version", event.version())
                .setParameter("deleted", event.isDeleted()).setParameter("created", event.isCreated())
                .executeUpdate()
                .chain(rows -> rows == 0 ? Uni.createFrom().item(false)
                        : session.createNativeQuery("delete from configuration_reference where configuration_id = :id")
                                .setParameter("id", event.id()).executeUpdate()
                                .chain(() -> insert(session, event.id(), refs))
                                .replaceWith(true)));
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
}
