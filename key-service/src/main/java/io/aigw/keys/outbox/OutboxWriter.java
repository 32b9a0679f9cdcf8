package io.aigw.keys.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's transaction (same Hibernate Reactive session),
 * so it is published only if that transaction commits. The payload is bound as text and cast: bound
 * directly to a jsonb parameter, the PostgreSQL client would store a Java String as a JSON string.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = "insert into outbox_event (event_id, topic, aggregate_id, payload)"
            + " values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb))";

    private final OutboxRepository repository;
    private final ObjectMapper objectMapper;

    public OutboxWriter(OutboxRepository repository, ObjectMapper objectMapper) {
        this.repository = repository;
        this.objectMapper = objectMapper;
    }

    public Uni<Void> append(String topic, String aggregateId, UUID eventId, Object event) {
        String payload;
        try {
            payload = objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serialisable", e));
        }
        return repository.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, aggregateId).setParameter(4, payload)
                .executeUpdate()).replaceWithVoid();
    }
}
