package io.aigw.gateway.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Reads a provider's `usage` object: OpenAI chat/completions/embeddings (`prompt_tokens`,
 * `completion_tokens`, details), Responses and Anthropic (`input_tokens`, `output_tokens`, cache fields).
 * Only the top-level `usage` (or `message.usage` / `response.usage` of stream events) is parsed.
 */
public final class UsageExtractor {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();
    private static final byte[] USAGE = "\"usage\"".getBytes();

    private UsageExtractor() {
    }

    /**
     * Whether {@code bytes[from..to)} has a `"usage"` key whose value is an object (OpenAI streams asked for
     * usage carry `"usage":null` on every chunk: those need no parsing).
     */
    public static boolean mentionsUsageObject(Buffer bytes, int from, int to) {
        outer:
        for (int i = from; i <= to - USAGE.length; i++) {
            for (int j = 0; j < USAGE.length; j++) {
                if (bytes.getByte(i + j) != USAGE[j]) {
                    continue outer;
                }
            }
            int k = i + USAGE.length;
            while (k < to && (bytes.getByte(k) == ' ' || bytes.getByte(k) == ':' || bytes.getByte(k) == '\t')) {
                k++;
            }
            if (k < to && bytes.getByte(k) == '{') {
                return true;
            }
        }
        return false;
    }

    /** The usage of a JSON object, or null when it has none. */
    public static UsageEvent.Tokens fromJson(byte[] json, int offset, int length) {
        try (JsonParser p = JSON.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("usage".equals(name) && value == JsonToken.START_OBJECT) {
                    return tokens((JsonNode) MAPPER.readTree(p));
                }
                if (("message".equals(name) || "response".equals(name)) && value == JsonToken.START_OBJECT) {
                    JsonNode usage = ((JsonNode) MAPPER.readTree(p)).get("usage");
                    if (usage != null && usage.isObject()) {
                        return tokens(usage);
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static UsageEvent.Tokens tokens(JsonNode u) {
        long input = first(u, "prompt_tokens", "input_tokens");
        long output = first(u, "completion_tokens", "output_tokens");
        long cached = Math.max(u.path("prompt_tokens_details").path("cached_tokens").asLong(0),
                Math.max(u.path("input_tokens_details").path("cached_tokens").asLong(0),
                        u.path("cache_read_input_tokens").asLong(0)));
        long reasoning = Math.max(u.path("completion_tokens_details").path("reasoning_tokens").asLong(0),
                u.path("output_tokens_details").path("reasoning_tokens").asLong(0));
        return new UsageEvent.Tokens(input, output, cached, reasoning, false);
    }

    private static long first(JsonNode u, String a, String b) {
        return u.has(a) ? u.path(a).asLong(0) : u.path(b).asLong(0);
    }

    /** Merges stream usage seen in pieces (Anthropic: input in message_start, output in message_delta). */
    public static UsageEvent.Tokens merge(UsageEvent.Tokens seen, UsageEvent.Tokens next) {
        if (seen == null) {
            return next;
        }
        return new UsageEvent.Tokens(Math.max(seen.input(), next.input()), Math.max(seen.output(), next.output()),
                Math.max(seen.cachedInput(), next.cachedInput()), Math.max(seen.reasoning(), next.reasoning()), false);
    }
}
