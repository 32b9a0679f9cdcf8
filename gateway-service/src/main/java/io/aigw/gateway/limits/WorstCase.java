package io.aigw.gateway.limits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aigw.gateway.routing.CatalogModel;
import io.aigw.gateway.routing.ModelAddress;
import io.aigw.gateway.routing.Surface;
import java.io.IOException;

/**
 * The most output an attempt can produce: the request's own bound (`max_tokens`, `max_completion_tokens`,
 * `max_output_tokens`, Gemini's `generationConfig.maxOutputTokens`) times its `n` choices, else the model's
 * maximum output, else the settings' `maxOutputTokens`, else a configured default. Embeddings produce none.
 */
final class WorstCase {

    private static final JsonFactory JSON = new JsonFactory();

    private WorstCase() {
    }

    /** The request's output bound and choice count, read from its top-level fields: {maxTokens (0 = none), n}. */
    static long[] requested(byte[] body, int length) {
        long max = 0;
        long choices = 1;
        try (JsonParser p = JSON.createParser(body, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new long[] {0, 1};
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "max_tokens", "max_completion_tokens", "max_output_tokens" -> max = Math.max(max, number(p, value));
                    case "n" -> choices = Math.max(1, number(p, value));
                    case "generationConfig" -> max = Math.max(max, nested(p, value));
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            return new long[] {0, 1};
        }
        return new long[] {max, Math.min(choices, 128)};
    }

    /** Output tokens to reserve for an attempt at {@code address} on {@code surface}. */
    static long outputTokens(long[] requested, ModelAddress address, Surface surface, Long settingsMax, long fallback) {
        if (surface == Surface.EMBEDDINGS) {
            return 0;
        }
        CatalogModel model = address.model();
        long bound = requested[0] > 0 ? requested[0]
                : model != null && model.maxOutputTokens() != null ? model.maxOutputTokens()
                : settingsMax != null ? settingsMax : fallback;
        return bound * requested[1];
    }

    private static long nested(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return 0;
        }
        long found = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("maxOutputTokens".equals(name)) {
                found = number(p, v);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private static long number(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return Math.max(0, p.getLongValue());
        }
        p.skipChildren();
        return 0;
    }
}
