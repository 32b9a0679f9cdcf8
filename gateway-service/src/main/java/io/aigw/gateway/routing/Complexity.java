package io.aigw.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How demanding a request looks to `aigw/auto`, from its body alone, deterministic (the gateway README's table):
 * estimated input tokens (text characters / 4), tools offered, attachments (images, files), fenced code blocks and
 * conversation turns add up to a {@code score}; the score picks a price {@code band} (0 economy, 1 standard,
 * 2 premium). Reads OpenAI chat and Responses, Anthropic and Gemini bodies alike: every string counts as text.
 */
public record Complexity(long inputTokens, int tools, int attachments, int codeBlocks, int turns, long maxTokens,
        int score, int band) {

    static final String[] BANDS = {"economy", "standard", "premium"};

    public static Complexity of(JsonNode body) {
        Counts c = new Counts();
        for (String field : new String[] {"messages", "input", "contents", "system", "systemInstruction", "instructions",
                "prompt"}) {
            c.walk(body.get(field));
        }
        for (String field : new String[] {"messages", "input", "contents"}) {
            JsonNode turns = body.get(field);
            if (turns != null && turns.isArray()) {
                c.turns += turns.size();
            }
        }
        JsonNode tools = body.get("tools");
        int toolCount = tools != null && tools.isArray() ? tools.size() : 0;
        if (tools != null && tools.isArray()) {
            for (JsonNode tool : tools) { // Gemini: one tool object holds many function declarations
                JsonNode declarations = tool.get("functionDeclarations");
                if (declarations != null && declarations.isArray()) {
                    toolCount += declarations.size() - 1;
                }
            }
        }
        long maxTokens = 0;
        for (String field : new String[] {"max_tokens", "max_completion_tokens", "max_output_tokens"}) {
            if (body.path(field).canConvertToLong()) {
                maxTokens = body.path(field).asLong();
            }
        }
        long tokens = c.chars / 4;
        int score = (tokens >= 8_000 ? 3 : tokens >= 2_000 ? 2 : tokens >= 500 ? 1 : 0)
                + (toolCount > 0 ? 1 : 0) + (toolCount > 5 ? 1 : 0)
                + (c.attachments > 0 ? 1 : 0)
                + (c.codeBlocks > 0 ? 1 : 0) + (c.codeBlocks >= 3 ? 1 : 0)
                + (c.turns > 6 ? 1 : 0) + (c.turns > 20 ? 1 : 0);
        int band = score <= 1 ? 0 : score <= 3 ? 1 : 2;
        return new Complexity(tokens, toolCount, c.attachments, c.codeBlocks, c.turns, maxTokens, score, band);
    }

    public String bandName() {
        return BANDS[band];
    }

    /** Why, for `X-AIGW-Auto`. */
    public String describe() {
        return "score " + score + " (" + bandName() + "): ~" + inputTokens + " input tokens, " + tools + " tools, "
                + attachments + " attachments, " + codeBlocks + " code blocks, " + turns + " turns";
    }

    private static final class Counts {
        long chars;
        int attachments;
        int codeBlocks;
        int turns;

        void walk(JsonNode node) {
            if (node == null) {
                return;
            }
            if (node.isTextual()) {
                String text = node.asText();
                chars += text.length();
                codeBlocks += fences(text) / 2;
            } else if (node.isArray()) {
                node.forEach(this::walk);
            } else if (node.isObject()) {
                String type = node.path("type").asText("");
                if (type.equals("image_url") || type.equals("image") || type.equals("input_image")
                        || type.equals("document") || type.equals("input_file") || node.has("inlineData")
                        || node.has("fileData")) {
                    attachments++;
                    return; // base64 data is not text
                }
                node.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("type") && !e.getKey().equals("role")) {
                        walk(e.getValue());
                    }
                });
            }
        }

        private static int fences(String text) {
            int n = 0;
            for (int i = text.indexOf("```"); i >= 0; i = text.indexOf("```", i + 3)) {
                n++;
            }
            return n;
        }
    }
}
