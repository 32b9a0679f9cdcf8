package io.aigw.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's transaction (same Hibernate Reactive session), so it is
 * published only if that transaction commits; a {@code NOTIFY} in the same transaction wakes every process's relay
 * at commit ({@link OutboxListener}). The payload is bound as text and cast: bound directly to a jsonb
 * parameter, the PostgreSQL client would store a Java String as a JSON string.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String INSERT = "insert into outbox_event (event_id, topic, aggregate_id, payload, trace_parent)"
            + " values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb), ?5)";
    /** Delivered to the listeners when the transaction commits; several in one transaction are delivered once. */
    static final String NOTIFY = "notify " + OutboxListener.CHANNEL;

    private final ObjectMapper mapper;

    public OutboxWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes {@code event} for {@code topic}, keyed by {@code key} (the aggregate, {@code <kind>:<id>} or an id). */
    public Uni<Void> append(String topic, String key, UUID eventId, Object event) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serialisable", e));
        }
        String traceparent = OutboxTrace.current(); // the writing request's span, read before any hop
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, key).setParameter(4, payload)
                .setParameter(5, traceparent).executeUpdate()
                .chain(() -> session.createNativeQuery(NOTIFY).executeUpdate())).replaceWithVoid();
    }

    /** The highest outbox position written so far (0 before the first change): the snapshots' version. */
    public Uni<Long> lastSeq() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select coalesce(max(seq), 0) from outbox_event", Long.class).getSingleResult());
    }

    /** A new event id: a random (version 4) UUID, 122 random bits. */
    public static UUID newEventId() {
        return UUID.randomUUID();
    }
}
