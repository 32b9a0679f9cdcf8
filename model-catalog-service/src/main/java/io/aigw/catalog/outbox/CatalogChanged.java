package io.aigw.catalog.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Event on {@code catalog-changes} (contracts.md): {@code kind} is {@code provider} or {@code model},
 * {@code data} the aggregate's full state as the admin API returns it, or {@code null} on {@code deleted}.
 */
public record CatalogChanged(String eventId, String kind, String type, String id, long version, Instant occurredAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object data) {

    public static final String TOPIC = "catalog-changes";

    /** The Kafka key: {@code <kind>:<id>}. */
    public String key() {
        return kind + ":" + id;
    }
}
