package io.aigw.gateway.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Reads a provider's `usage` object: OpenAI chat/completions/embeddings (`prompt_tokens`,
 * `completion_tokens`, cached and reasoning details), Responses and Anthropic (`input_tokens`, `output_tokens`,
 * cache reads and 5-minute / 1-hour cache writes), DeepSeek's cache hits, OpenRouter's `cost`, and Gemini's
 * `usageMetadata`. Only the top-level `usage` / `usageMetadata` (or `message.usage` / `response.usage` of
 * stream events) is parsed.
 */
public final class UsageExtractor {

    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] USAGE = "\"usage\"".getBytes();
    private static final byte[] USAGE_METADATA = "\"usageMetadata\"".getBytes();
    /** Where the `g` sits in `"usage"`. */
    private static final int USAGE_G = 4;

    private UsageExtractor() {
    }

    /**
     * Whether {@code bytes[from..to)} has a `"usage"` key whose value is an object, or Gemini's `"usageMetadata"`
     * (OpenAI streams asked for usage carry `"usage":null` on every chunk: those need no parsing).
     */
    public static boolean mentionsUsageObject(Buffer bytes, int from, int to) {
        return usageObjectAt(bytes, from, to) >= 0;
    }

    /**
     * Where the first `"usage"` key whose value is an object (or Gemini's `"usageMetadata"`) starts in {@code bytes[from..to)}, or -1. Runs on every
     * relayed stream burst, so it looks only at the places where a `g` is (Netty's indexOf), not at every byte, and
     * its callers go from one hit to the next instead of scanning the burst again per event.
     */
    public static int usageObjectAt(Buffer bytes, int from, int to) {
        ByteBuf buf = bytes.getByteBuf();
        int g = from + USAGE_G;
        while (g < to && (g = buf.indexOf(g, to, (byte) 'g')) >= 0) {
            int key = g - USAGE_G;
            if (key + USAGE.length <= to && isUsageKey(buf, key)) {
                int k = key + USAGE.length;
                while (k < to && (buf.getByte(k) == ' ' || buf.getByte(k) == ':' || buf.getByte(k) == '\t')) {
                    k++;
                }
                if (k < to && buf.getByte(k) == '{') {
                    return key;
                }
            } else if (key + USAGE_METADATA.length <= to && isKey(buf, key, USAGE_METADATA)) {
                return key; // Gemini's `usageMetadata`: an object whenever present
            }
            g++;
        }
        return -1;
    }

    private static boolean isUsageKey(ByteBuf buf, int at) {
        return isKey(buf, at, USAGE);
    }

    private static boolean isKey(ByteBuf buf, int at, byte[] key) {
        for (int j = 0; j < key.length; j++) {
            if (buf.getByte(at + j) != key[j]) {
                return false;
            }
        }
        return true;
    }

    /** The usage of a JSON object, or null when it has none. Read as a stream: no tree is built. */
    public static UsageEvent.Tokens fromJson(byte[] json, int offset, int length) {
        return read(json, offset, length, true, TOKENS);
    }

    /**
     * What one OpenAI stream chunk says about usage, read in one pass: its usage (as {@link #fromJson} reads it), whether
     * it is nothing but usage (a `usage` object and `"choices":[]`), and whether it was a whole JSON object at all.
     */
    public record Chunk(UsageEvent.Tokens tokens, boolean usageOnly, boolean parsed) {
    }

    /** Reads {@code json[offset..offset+length)} as an OpenAI stream chunk: one parse for its usage and its kind. */
    public static Chunk chunk(byte[] json, int offset, int length) {
        return read(json, offset, length, false, CHUNK);
    }

    /** What {@link #read} answers with: the usage alone, or the chunk's kind too. */
    private interface Answer<R> {
        R of(UsageEvent.Tokens tokens, boolean usageOnly, boolean parsed);
    }

    private static final Answer<UsageEvent.Tokens> TOKENS = (tokens, usageOnly, parsed) -> tokens;
    private static final Answer<Chunk> CHUNK = Chunk::new;

    /**
     * The one parse of an answer or chunk: the first usage found (top-level `usage`, Gemini's `usageMetadata`, or the
     * `usage` of `message` / `response`), and whether the object is a whole one holding a `usage` object and
     * `"choices":[]`. With {@code firstUsage} it stops at that usage ({@link #fromJson} needs nothing after it).
     */
    private static <R> R read(byte[] json, int offset, int length, boolean firstUsage, Answer<R> answer) {
        UsageEvent.Tokens tokens = null;
        boolean usageObject = false;
        boolean noChoices = false;
        try (JsonParser p = JSON.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return answer.of(null, false, false);
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("usage".equals(name)) {
                    usageObject = value == JsonToken.START_OBJECT;
                    if (usageObject && tokens == null) {
                        tokens = tokens(p);
                    } else {
                        p.skipChildren();
                    }
                } else if ("choices".equals(name) && value == JsonToken.START_ARRAY) {
                    noChoices = p.nextToken() == JsonToken.END_ARRAY;
                    if (!noChoices) {
                        skipRestOfArray(p);
                    }
                } else if ("choices".equals(name)) {
                    noChoices = false;
                    p.skipChildren();
                } else if (tokens == null && value == JsonToken.START_OBJECT && "usageMetadata".equals(name)) {
                    tokens = geminiTokens(p);
                } else if (tokens == null && value == JsonToken.START_OBJECT
                        && ("message".equals(name) || "response".equals(name))) {
                    tokens = nestedUsage(p);
                    if (tokens != null && !firstUsage) { // found inside: the rest of the nested object is skipped
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            p.nextToken();
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
                if (firstUsage && tokens != null) {
                    return answer.of(tokens, false, true);
                }
            }
            return answer.of(tokens, token == JsonToken.END_OBJECT && usageObject && noChoices,
                    token == JsonToken.END_OBJECT);
        } catch (IOException e) {
            return answer.of(tokens, false, false);
        }
    }

    /** Skips what is left of an array whose first element the parser is at. */
    private static void skipRestOfArray(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        while (token != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("unexpected end of input");
            }
            p.skipChildren();
            token = p.nextToken();
        }
    }

    /** The `usage` object of the object the parser is in (`message`, `response`), or null; reads to its end. */
    private static UsageEvent.Tokens nestedUsage(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("usage".equals(name) && value == JsonToken.START_OBJECT) {
                return tokens(p);
            }
            p.skipChildren();
        }
        return null;
    }

    /**
     * The usage object the parser is in, normalised so that {@code input} counts every input token (cache reads
     * and writes included, as OpenAI's `prompt_tokens` does) and {@code output} every output token (reasoning
     * included). OpenAI's `prompt_tokens`/`completion_tokens` win over `input_tokens`/`output_tokens`; Anthropic's
     * `input_tokens` excludes its cache reads and writes, so they are added; OpenRouter's `cost` is kept.
     */
    private static UsageEvent.Tokens tokens(JsonParser p) throws IOException {
        Long prompt = null;
        Long completion = null;
        long input = 0;
        long output = 0;
        long cached = 0;
        long reasoning = 0;
        Long anthropicRead = null;
        Long anthropicWrite = null;
        long[] writeSplit = null;
        java.math.BigDecimal cost = null;
        java.math.BigDecimal upstreamCost = null;
        boolean byok = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = asLong(p, value);
                case "completion_tokens" -> completion = asLong(p, value);
                case "input_tokens" -> input = asLong(p, value);
                case "output_tokens" -> output = asLong(p, value);
                case "cache_read_input_tokens" -> anthropicRead = asLong(p, value);
                case "cache_creation_input_tokens" -> anthropicWrite = asLong(p, value);
                case "cache_creation" -> writeSplit = fields(p, value, "ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens");
                case "prompt_cache_hit_tokens" -> cached = Math.max(cached, asLong(p, value));
                case "prompt_tokens_details", "input_tokens_details" ->
                        cached = Math.max(cached, fields(p, value, "cached_tokens")[0]);
                case "completion_tokens_details", "output_tokens_details" ->
                        reasoning = Math.max(reasoning, fields(p, value, "reasoning_tokens")[0]);
                case "cost" -> cost = asDecimal(p, value);
                case "is_byok" -> byok = value == JsonToken.VALUE_TRUE;
                case "cost_details" -> upstreamCost = decimalField(p, value, "upstream_inference_cost");
                default -> p.skipChildren();
            }
        }
        long read = anthropicRead == null ? 0 : anthropicRead;
        long write = anthropicWrite == null ? 0 : anthropicWrite;
        long write1h = writeSplit == null ? 0 : Math.min(writeSplit[1], write);
        if (prompt == null && (anthropicRead != null || anthropicWrite != null)) {
            input += read + write;
        }
        if (byok && cost != null && upstreamCost != null) {
            cost = cost.add(upstreamCost);
        }
        return new UsageEvent.Tokens(prompt != null ? prompt : input, completion != null ? completion : output,
                Math.max(cached, read), write - write1h, write1h, reasoning, false, cost);
    }

    /** Gemini's `usageMetadata`: the prompt count includes cached content, thoughts come on top of candidates. */
    private static UsageEvent.Tokens geminiTokens(JsonParser p) throws IOException {
        long prompt = 0;
        long candidates = 0;
        long thoughts = 0;
        long cached = 0;
        long toolPrompt = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "promptTokenCount" -> prompt = asLong(p, value);
                case "candidatesTokenCount" -> candidates = asLong(p, value);
                case "thoughtsTokenCount" -> thoughts = asLong(p, value);
                case "cachedContentTokenCount" -> cached = asLong(p, value);
                case "toolUsePromptTokenCount" -> toolPrompt = asLong(p, value);
                default -> p.skipChildren();
            }
        }
        return new UsageEvent.Tokens(prompt + toolPrompt, candidates + thoughts, cached, 0, 0, thoughts, false, null);
    }

    /** The number fields {@code wanted} of the object the parser is at (0 when absent or not an object). */
    private static long[] fields(JsonParser p, JsonToken value, String... wanted) throws IOException {
        long[] found = new long[wanted.length];
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return found;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            int at = java.util.Arrays.asList(wanted).indexOf(name);
            if (at >= 0) {
                found[at] = asLong(p, v);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    /** A decimal field of the object the parser is at, or null. */
    private static java.math.BigDecimal decimalField(JsonParser p, JsonToken value, String wanted) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        java.math.BigDecimal found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (wanted.equals(name)) {
                found = asDecimal(p, v);
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    /** A non-negative decimal exactly as written (never through a double), or null. */
    private static java.math.BigDecimal asDecimal(JsonParser p, JsonToken value) throws IOException {
        try {
            java.math.BigDecimal d = switch (value) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
                case VALUE_STRING -> new java.math.BigDecimal(p.getText().trim());
                default -> {
                    p.skipChildren();
                    yield null;
                }
            };
            return d == null || d.signum() < 0 ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value as a long the way Jackson's `JsonNode.asLong(0)` reads it (numbers, numeric text, booleans). */
    private static long asLong(JsonParser p, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue().longValue();
            case VALUE_STRING -> NumberInput.parseAsLong(p.getText(), 0);
            case VALUE_TRUE -> 1;
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield 0;
            }
            default -> 0;
        };
    }

    /**
     * Merges stream usage seen in pieces (Anthropic: input and cache counts in message_start, output in
     * message_delta): the largest of each count, and the last reported cost.
     */
    public static UsageEvent.Tokens merge(UsageEvent.Tokens seen, UsageEvent.Tokens next) {
        if (seen == null) {
            return next;
        }
        return new UsageEvent.Tokens(Math.max(seen.input(), next.input()), Math.max(seen.output(), next.output()),
                Math.max(seen.cachedInput(), next.cachedInput()), Math.max(seen.cacheWrite(), next.cacheWrite()),
                Math.max(seen.cacheWrite1h(), next.cacheWrite1h()), Math.max(seen.reasoning(), next.reasoning()), false,
                next.reportedCostUsd() != null ? next.reportedCostUsd() : seen.reportedCostUsd());
    }
}
