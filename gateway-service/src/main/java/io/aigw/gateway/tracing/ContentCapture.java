package io.aigw.gateway.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Prompt text for an attempt's span when an operator turns content capture on (`aigw.gateway.trace-content-capture`):
 * the GenAI conventions' opt-in `gen_ai.input.messages`, in their message shape
 * (`[{"role":"user","parts":[{"type":"text","content":"…"}]}]`). Only text is taken, from the fields that carry
 * messages in each provider's request format (OpenAI chat, completions and Responses, Anthropic, Gemini); never a
 * header, so never a credential. The text of all parts together is cut at {@code maxChars}.
 */
final class ContentCapture {

    static final ObjectMapper JSON = new ObjectMapper();

    final int maxChars;

    ContentCapture(int maxChars) {
        this.maxChars = maxChars;
    }

    /** `gen_ai.input.messages` of an upstream request body, or null when it holds no text. */
    String input(byte[] body) {
        JsonNode root = parse(body);
        if (root == null || !root.isObject()) {
            return null;
        }
        Messages out = new Messages(maxChars);
        out.add("system", root.get("system"));
        out.add("system", root.path("systemInstruction").get("parts"));
        out.add("system", root.get("instructions"));
        out.addAll(root.get("messages"), "content");
        out.addAll(root.get("contents"), "parts");
        JsonNode input = root.get("input");
        if (input != null && input.isArray()) {
            out.addAll(input, "content");
        } else {
            out.add("user", input);
        }
        out.add("user", root.get("prompt"));
        return out.json();
    }

    /** `gen_ai.output.messages` of an attempt's answer text, or null when there is none. */
    static String output(OutputText text, java.util.List<String> finishReasons) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putArray("parts").addObject().put("type", "text").put("content", text.toString());
        if (!finishReasons.isEmpty()) {
            message.put("finish_reason", finishReasons.get(0));
        }
        return JSON.createArrayNode().add(message).toString();
    }

    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /** Messages in the conventions' shape, under one budget of text characters. */
    private static final class Messages {
        private final ArrayNode messages = JSON.createArrayNode();
        private int budget;

        Messages(int budget) {
            this.budget = budget;
        }

        /** Each element of {@code list} is a message with a `role` and its text in the field {@code textField}. */
        void addAll(JsonNode list, String textField) {
            if (list == null || !list.isArray()) {
                return;
            }
            for (JsonNode message : list) {
                String role = message.path("role").asText("user");
                add(role.isEmpty() ? "user" : role, message.get(textField));
            }
        }

        /** A message of {@code role} whose content is a string, or a list of strings or of parts with a `text`. */
        void add(String role, JsonNode content) {
            if (content == null || content.isNull() || budget <= 0) {
                return;
            }
            ArrayNode parts = JSON.createArrayNode();
            if (content.isArray()) {
                for (JsonNode part : content) {
                    text(parts, part.isTextual() ? part : part.get("text"));
                }
            } else {
                text(parts, content);
            }
            if (!parts.isEmpty()) {
                ObjectNode message = messages.addObject().put("role", role);
                message.set("parts", parts);
            }
        }

        private void text(ArrayNode parts, JsonNode text) {
            if (text == null || !text.isTextual() || budget <= 0) {
                return;
            }
            String value = text.asText();
            if (value.length() > budget) {
                value = value.substring(0, budget);
            }
            budget -= value.length();
            parts.addObject().put("type", "text").put("content", value);
        }

        String json() {
            return messages.isEmpty() ? null : messages.toString();
        }
    }
}
