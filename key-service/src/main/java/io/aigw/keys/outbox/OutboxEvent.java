package io.aigw.keys.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A pending event (mapped for queries; rows are inserted by {@link OutboxWriter}). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    /** Written by {@link OutboxWriter} as jsonb; read by the relay with plain SQL. */
    @Column(columnDefinition = "jsonb", insertable = false, updatable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
