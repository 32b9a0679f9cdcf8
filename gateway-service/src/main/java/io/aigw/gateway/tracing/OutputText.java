package io.aigw.gateway.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * The answer text of one attempt, for `gen_ai.output.messages` (content capture on only): read from a whole body or
 * from the `data:` lines of stream events, in each provider's answer format (OpenAI chat, completions and Responses,
 * Anthropic, Gemini), and cut at a fixed number of characters.
 */
final class OutputText {

    private final StringBuilder text = new StringBuilder();
    private final int maxChars;

    OutputText(int maxChars) {
        this.maxChars = maxChars;
    }

    /** Takes the text out of {@code answer}: a JSON body, or one or more whole SSE events. */
    void scan(String answer) {
        String trimmed = answer.strip();
        if (trimmed.startsWith("{")) {
            read(trimmed);
            return;
        }
        for (String line : trimmed.split("\n")) {
            if (line.startsWith("data:")) {
                String data = line.substring(5).strip();
                if (data.startsWith("{")) {
                    read(data);
                }
            }
        }
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void read(String json) {
        JsonNode root = ContentCapture.parse(json.getBytes(StandardCharsets.UTF_8));
        if (root == null) {
            return;
        }
        for (JsonNode choice : root.path("choices")) { // OpenAI chat (body and chunks) and completions
            append(choice.path("message").get("content"));
            append(choice.path("delta").get("content"));
            append(choice.get("text"));
        }
        for (JsonNode block : root.path("content")) { // Anthropic message body
            append(block.get("text"));
        }
        append(root.path("delta").get("text")); // Anthropic content_block_delta
        for (JsonNode candidate : root.path("candidates")) { // Gemini, body and stream
            for (JsonNode part : candidate.path("content").path("parts")) {
                append(part.get("text"));
            }
        }
        for (JsonNode item : root.path("output")) { // Responses body
            for (JsonNode part : item.path("content")) {
                append(part.get("text"));
            }
        }
        if ("response.output_text.delta".equals(root.path("type").asText())) { // Responses stream
            append(root.get("delta"));
        }
    }

    private void append(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return;
        }
        int room = maxChars - text.length();
        String s = value.asText();
        if (s.length() > room) {
            s = s.substring(0, Math.max(room, 0));
        }
        text.append(s);
    }
}
