package io.aigw.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event of a `*-changes` topic (contracts.md envelope). {@code data} is the aggregate's full state,
 * null on `deleted`; {@code occurredAt} may be null when a producer did not set it.
 */
public record ChangeEvent(String topic, String kind, String type, String id, long version, Instant occurredAt,
        JsonNode data) {

    /** The aggregate, as the Kafka key names it: `<kind>:<id>`. */
    public String aggregate() {
        return kind + ":" + id;
    }
}
