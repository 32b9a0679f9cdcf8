package io.aigw.gateway.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses a change event from a record value. Older events on the topics were JSON-encoded twice (a JSON
 * string whose text is the event), so a string value is unwrapped once more before it is read.
 */
@Singleton
public class ChangeEventReader {

    private static final int MAX_UNWRAP = 2;
    private final ObjectMapper mapper;

    public ChangeEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The event, or throws {@link IllegalArgumentException} naming what is wrong (never the payload). */
    public ChangeEvent read(String topic, String value) {
        if (value == null) {
            throw new IllegalArgumentException("empty value (tombstone)");
        }
        JsonNode node = parse(value);
        for (int i = 0; i < MAX_UNWRAP && node.isTextual(); i++) {
            node = parse(node.textValue());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String kind = text(node, "kind");
        String type = text(node, "type");
        String id = text(node, "id");
        JsonNode version = node.get("version");
        if (kind == null || type == null || id == null || version == null || !version.canConvertToLong()) {
            throw new IllegalArgumentException("kind, type, id or version missing");
        }
        JsonNode data = node.get("data");
        return new ChangeEvent(topic, kind, type, id, version.asLong(), instant(text(node, "occurredAt")),
                data == null || data.isNull() ? null : data);
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.textValue();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
