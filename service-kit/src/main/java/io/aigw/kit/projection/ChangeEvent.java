package io.aigw.kit.projection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** The envelope of every {@code *-changes} event (contracts.md); {@code data} is null on delete. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeEvent(String eventId, String kind, String type, String id, Long version, String occurredAt,
        JsonNode data) {

    public boolean isDeleted() {
        return "deleted".equals(type) || data == null || data.isNull();
    }

    public boolean isCreated() {
        return "created".equals(type);
    }

    /** A text field of {@code data}, or null. */
    public String text(String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A boolean field of {@code data}; false when absent. */
    public boolean flag(String field) {
        JsonNode value = data == null ? null : data.get(field);
        return value != null && value.asBoolean(false);
    }
}
