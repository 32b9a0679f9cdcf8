package io.aigw.gateway.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Helpers every translation shares: parsing the client's body, naming dropped fields, writing per-model bytes. */
final class TranslatedBody {

    private TranslatedBody() {
    }

    /** The client's body as a JSON object; anything else is the client's error (400). */
    static ObjectNode parse(byte[] body, int length) {
        JsonNode in;
        try {
            in = OpenAiToAnthropicTranslator.MAPPER.readTree(body, 0, length);
        } catch (IOException e) {
            throw OpenAiToAnthropicTranslator.invalid("The request body is not valid JSON.", null);
        }
        if (!(in instanceof ObjectNode object)) {
            throw OpenAiToAnthropicTranslator.invalid("The request body must be a JSON object.", null);
        }
        return object;
    }

    /** The top-level fields of {@code in} that are not in {@code mapped}, in the request's order. */
    static List<String> unmapped(JsonNode in, Set<String> mapped) {
        List<String> dropped = new ArrayList<>(2);
        in.fieldNames().forEachRemaining(name -> {
            if (!mapped.contains(name)) {
                dropped.add(name);
            }
        });
        return dropped;
    }

    /** {@code body} with `model` set and {@code strip} removed, as bytes. */
    static Buffer forModel(ObjectNode body, String upstreamModelId, Set<String> strip) {
        ObjectNode copy = body.deepCopy();
        copy.put("model", upstreamModelId);
        if (!strip.isEmpty()) {
            copy.remove(strip);
        }
        try {
            return Buffer.buffer(OpenAiToAnthropicTranslator.MAPPER.writeValueAsBytes(copy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one stream event's `data`; null when it is not JSON (such an event is skipped). */
    static JsonNode event(String data) {
        try {
            return OpenAiToAnthropicTranslator.MAPPER.readTree(data);
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses an upstream answer; null when it is not a JSON object. */
    static JsonNode answer(byte[] upstream) {
        try {
            JsonNode node = OpenAiToAnthropicTranslator.MAPPER.readTree(upstream);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
