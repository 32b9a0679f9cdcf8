package io.aigw.keys.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.kit.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Free-form metadata: a JSON object of at most 4096 bytes (UTF-8, compact form), stored as text. */
public final class Metadata {

    public static final int MAX_BYTES = 4096;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Metadata() {
    }

    public static void validate(JsonNode metadata, List<FieldError> errors) {
        if (metadata == null || metadata.isNull()) {
            return;
        }
        if (!metadata.isObject()) {
            errors.add(FieldError.at("/metadata", "Must be a JSON object."));
        } else if (toText(metadata).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(FieldError.at("/metadata", "Must be at most " + MAX_BYTES + " bytes."));
        }
    }

    public static String toText(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata not serialisable", e);
        }
    }

    public static JsonNode fromText(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not JSON", e);
        }
    }
}
