package io.aigw.gateway.routing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import java.io.IOException;

/**
 * How demanding a request looks to `aigw/auto`, from its body alone, deterministic (the gateway README's table):
 * estimated input tokens (text characters / 4), tools offered, attachments (images, files), fenced code blocks and
 * conversation turns add up to a {@code score}; the score picks a price {@code band} (0 economy, 1 standard,
 * 2 premium). Reads OpenAI chat and Responses, Anthropic and Gemini bodies alike: every string counts as text.
 * Counted in one streaming pass over the fields that matter ({@link Scan}), never from a tree of the body.
 */
public record Complexity(long inputTokens, int tools, int attachments, int codeBlocks, int turns, long maxTokens,
        int score, int band) {

    static final String[] BANDS = {"economy", "standard", "premium"};

    private static final JsonFactory JSON = new JsonFactory();

    /** The complexity of a whole body ({@code bytes[offset..offset+length)}, a JSON object). */
    public static Complexity of(byte[] bytes, int offset, int length) {
        Scan scan = new Scan();
        try (JsonParser p = JSON.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw invalid();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!scan.read(name, p, value)) {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw invalid();
        }
        return scan.complexity();
    }

    private static GatewayException invalid() {
        return new GatewayException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON.");
    }

    private static Complexity of(long chars, int toolCount, int attachments, int codeBlocks, int turns, long maxTokens) {
        long tokens = chars / 4;
        int score = (tokens >= 8_000 ? 3 : tokens >= 2_000 ? 2 : tokens >= 500 ? 1 : 0)
                + (toolCount > 0 ? 1 : 0) + (toolCount > 5 ? 1 : 0)
                + (attachments > 0 ? 1 : 0)
                + (codeBlocks > 0 ? 1 : 0) + (codeBlocks >= 3 ? 1 : 0)
                + (turns > 6 ? 1 : 0) + (turns > 20 ? 1 : 0);
        int band = score <= 1 ? 0 : score <= 3 ? 1 : 2;
        return new Complexity(tokens, toolCount, attachments, codeBlocks, turns, maxTokens, score, band);
    }

    public String bandName() {
        return BANDS[band];
    }

    /** Why, for `X-AIGW-Auto`. */
    public String describe() {
        return "score " + score + " (" + bandName() + "): ~" + inputTokens + " input tokens, " + tools + " tools, "
                + attachments + " attachments, " + codeBlocks + " code blocks, " + turns + " turns";
    }

    /**
     * The top-level fields the score reads, fed one at a time by whoever walks the body ({@link #read}): the text of
     * `messages`, `input`, `contents`, `system`, `systemInstruction`, `instructions` and `prompt` (objects of type
     * image / document / file, or with Gemini's `inlineData` / `fileData`, count as one attachment and their text not
     * at all; `type` and `role` values are not text); the turns of `messages`, `input`, `contents` (array sizes); the
     * tools (Gemini: each function declaration); `max_tokens`, `max_completion_tokens`, `max_output_tokens` (the
     * last of these present wins). A top-level field given twice counts as its last occurrence, as in a JSON tree; a
     * member repeated inside a nested object counts each time (a tree would keep the last: the score errs high).
     */
    public static final class Scan {

        private static final int TEXT_FIELDS = 7;
        private static final int TOOLS = 7;
        private static final int MAX_TOKENS = 8;
        private static final int SLOTS = 11;

        private final boolean[] set = new boolean[SLOTS];
        private final Counts[] text = new Counts[TEXT_FIELDS];
        private final int[] turns = new int[3];
        private int tools;
        private final long[] maxTokens = new long[3];
        private final boolean[] maxTokensKnown = new boolean[3];

        /** The slot of a top-level field, or -1 when the score does not read it. */
        public static int slot(String name) {
            return switch (name) {
                case "messages" -> 0;
                case "input" -> 1;
                case "contents" -> 2;
                case "system" -> 3;
                case "systemInstruction" -> 4;
                case "instructions" -> 5;
                case "prompt" -> 6;
                case "tools" -> TOOLS;
                case "max_tokens" -> MAX_TOKENS;
                case "max_completion_tokens" -> MAX_TOKENS + 1;
                case "max_output_tokens" -> MAX_TOKENS + 2;
                default -> -1;
            };
        }

        /**
         * Reads top-level field {@code name} whose value token {@code value} the parser is on, to the end of the
         * value, when the score uses it; false (nothing consumed) when it does not.
         */
        public boolean read(String name, JsonParser p, JsonToken value) throws IOException {
            int slot = slot(name);
            if (slot < 0) {
                return false;
            }
            set[slot] = true;
            if (slot < TEXT_FIELDS) {
                Counts counts = new Counts();
                if (slot < 3 && value == JsonToken.START_ARRAY) {
                    int n = 0;
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        counts.walk(p, t);
                        n++;
                    }
                    turns[slot] = n;
                } else {
                    if (slot < 3) {
                        turns[slot] = 0;
                    }
                    counts.walk(p, value);
                }
                text[slot] = counts;
            } else if (slot == TOOLS) {
                tools = tools(p, value);
            } else {
                int i = slot - MAX_TOKENS;
                maxTokensKnown[i] = false;
                if (value == JsonToken.VALUE_NUMBER_INT) {
                    if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        maxTokens[i] = p.getLongValue();
                        maxTokensKnown[i] = true;
                    } else {
                        java.math.BigInteger big = p.getBigIntegerValue();
                        if (big.bitLength() < 64) {
                            maxTokens[i] = big.longValue();
                            maxTokensKnown[i] = true;
                        }
                    }
                } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                    double d = p.getDoubleValue();
                    if (d >= Long.MIN_VALUE && d <= Long.MAX_VALUE) {
                        maxTokens[i] = (long) d;
                        maxTokensKnown[i] = true;
                    }
                } else {
                    p.skipChildren();
                }
            }
            return true;
        }

        /** Tools offered: the array's size, a Gemini tool object counting each of its function declarations. */
        private static int tools(JsonParser p, JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                p.skipChildren();
                return 0;
            }
            int count = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                count++;
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                int declarations = -1; // the last `functionDeclarations` of the object wins; absent or not an array: none
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("functionDeclarations")) {
                        declarations = -1;
                        if (v == JsonToken.START_ARRAY) {
                            int n = 0;
                            for (JsonToken d = p.nextToken(); d != JsonToken.END_ARRAY; d = p.nextToken()) {
                                p.skipChildren();
                                n++;
                            }
                            declarations = n;
                            continue;
                        }
                    }
                    p.skipChildren();
                }
                if (declarations >= 0) {
                    count += declarations - 1;
                }
            }
            return count;
        }

        /** This scan with {@code later}'s fields over its own (a field read later is the later occurrence). */
        public Scan overlay(Scan later) {
            for (int slot = 0; slot < SLOTS; slot++) {
                if (!later.set[slot]) {
                    continue;
                }
                set[slot] = true;
                if (slot < TEXT_FIELDS) {
                    text[slot] = later.text[slot];
                    if (slot < 3) {
                        turns[slot] = later.turns[slot];
                    }
                } else if (slot == TOOLS) {
                    tools = later.tools;
                } else {
                    maxTokens[slot - MAX_TOKENS] = later.maxTokens[slot - MAX_TOKENS];
                    maxTokensKnown[slot - MAX_TOKENS] = later.maxTokensKnown[slot - MAX_TOKENS];
                }
            }
            return this;
        }

        public Complexity complexity() {
            long chars = 0;
            int attachments = 0;
            int codeBlocks = 0;
            int turnCount = 0;
            for (int slot = 0; slot < TEXT_FIELDS; slot++) {
                if (text[slot] != null) {
                    chars += text[slot].chars;
                    attachments += text[slot].attachments;
                    codeBlocks += text[slot].codeBlocks;
                }
                if (slot < 3 && set[slot]) {
                    turnCount += turns[slot];
                }
            }
            long max = 0;
            for (int i = 0; i < 3; i++) {
                if (set[MAX_TOKENS + i] && maxTokensKnown[i]) {
                    max = maxTokens[i];
                }
            }
            return Complexity.of(chars, set[TOOLS] ? tools : 0, attachments, codeBlocks, turnCount, max);
        }
    }

    private static final class Counts {
        long chars;
        int attachments;
        int codeBlocks;

        /** Counts the value whose first token {@code token} the parser is on, to its end. */
        void walk(JsonParser p, JsonToken token) throws IOException {
            switch (token) {
                case VALUE_STRING -> {
                    int length = p.getTextLength();
                    chars += length;
                    codeBlocks += fences(p.getTextCharacters(), p.getTextOffset(), length) / 2;
                }
                case START_ARRAY -> {
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        walk(p, t);
                    }
                }
                case START_OBJECT -> object(p);
                default -> {
                }
            }
        }

        /** An object: an attachment (counted once, its text not at all), or the sum of its fields but `type` and `role`. */
        private void object(JsonParser p) throws IOException {
            Counts inside = new Counts();
            boolean attachment = false;
            String type = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "type" -> {
                        type = v == JsonToken.VALUE_STRING ? p.getText() : "";
                        p.skipChildren();
                    }
                    case "role" -> p.skipChildren();
                    case "inlineData", "fileData" -> {
                        attachment = true;
                        p.skipChildren();
                    }
                    default -> inside.walk(p, v);
                }
            }
            if (attachment || type.equals("image_url") || type.equals("image") || type.equals("input_image")
                    || type.equals("document") || type.equals("input_file")) {
                attachments++; // base64 data is not text
                return;
            }
            chars += inside.chars;
            attachments += inside.attachments;
            codeBlocks += inside.codeBlocks;
        }

        private static int fences(char[] text, int offset, int length) {
            int n = 0;
            int end = offset + length - 2;
            for (int i = offset; i < end; i++) {
                if (text[i] == '`' && text[i + 1] == '`' && text[i + 2] == '`') {
                    n++;
                    i += 2;
                }
            }
            return n;
        }
    }
}
