package io.aigw.catalog.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/** Writes an event row in the caller's transaction; {@link OutboxRelay} publishes it after commit. */
@Singleton
public class OutboxWriter {

    private static final String INSERT = "insert into outbox_event (event_id, topic, aggregate_id, payload) "
            + "values (:eventId, :topic, :key, cast(cast(:payload as text) as jsonb))";

    private final ObjectMapper mapper;

    public OutboxWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> write(String kind, String type, String id, long version, Object data) {
        CatalogChanged event = new CatalogChanged(UUID.randomUUID().toString(), kind, type, id, version,
                Instant.now(), data);
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("eventId", UUID.fromString(event.eventId()))
                .setParameter("topic", CatalogChanged.TOPIC)
                .setParameter("key", event.key())
                .setParameter("payload", payload)
                .executeUpdate())
                .replaceWithVoid();
    }
}
