package io.aigw.config.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Appends an event to the outbox; call it inside the transaction that makes the change. */
@ApplicationScoped
public class OutboxWriter {

    public static final String CONFIG_CHANGES = "config-changes";

    private final OutboxRepository repository;
    private final ObjectMapper mapper;

    public OutboxWriter(OutboxRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    public Uni<Void> append(UUID eventId, String key, Object event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = CONFIG_CHANGES;
        row.aggregateId = key;
        row.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serialisable", e));
        }
        // Flushed at once: a later failure in the same transaction then really rolls the row back.
        return repository.persistAndFlush(row).replaceWithVoid();
    }
}
