package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Responses `input` items as chat messages: messages (input/output text, images), `function_call` (merged into
 * the assistant turn before it, so parallel calls travel together) and `function_call_output` → `tool` messages.
 */
final class ResponsesInputItems {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponsesInputItems() {
    }

    static void item(JsonNode item, ArrayNode messages, List<String> dropped) {
        String type = item.path("type").asText("message");
        switch (type) {
            case "message" -> message(item, messages);
            case "function_call" -> {
                ObjectNode last = messages.isEmpty() ? null : (ObjectNode) messages.get(messages.size() - 1);
                if (last == null || !"assistant".equals(last.path("role").asText())) {
                    last = messages.addObject().put("role", "assistant");
                    last.putNull("content");
                }
                ArrayNode calls = last.has("tool_calls") ? (ArrayNode) last.get("tool_calls") : last.putArray("tool_calls");
                calls.addObject().put("id", item.path("call_id").asText("")).put("type", "function")
                        .putObject("function").put("name", item.path("name").asText(""))
                        .put("arguments", item.path("arguments").asText("{}"));
            }
            case "function_call_output" -> {
                JsonNode output = item.path("output");
                messages.addObject().put("role", "tool").put("tool_call_id", item.path("call_id").asText(""))
                        .put("content", output.isTextual() ? output.asText() : text(output));
            }
            case "reasoning" -> {
                if (!dropped.contains("input[].reasoning")) {
                    dropped.add("input[].reasoning");
                }
            }
            default -> throw ResponsesToChatTranslation.untranslatable("an input item of type \"" + type + "\"");
        }
    }

    private static void message(JsonNode item, ArrayNode messages) {
        String role = item.path("role").asText("user");
        JsonNode content = item.path("content");
        ObjectNode message = messages.addObject().put("role", role);
        if (content.isTextual()) {
            message.put("content", content.asText());
            return;
        }
        if (!"user".equals(role)) {
            message.put("content", text(content));
            return;
        }
        ArrayNode parts = message.putArray("content");
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            switch (type) {
                case "input_text", "output_text" -> parts.addObject().put("type", "text").put("text", part.path("text").asText(""));
                case "input_image" -> {
                    if (!part.path("image_url").isTextual()) {
                        throw ResponsesToChatTranslation.untranslatable("an image given by file id");
                    }
                    ObjectNode image = parts.addObject().put("type", "image_url").putObject("image_url")
                            .put("url", part.get("image_url").asText());
                    if (part.path("detail").isTextual()) {
                        image.put("detail", part.get("detail").asText());
                    }
                }
                default -> throw ResponsesToChatTranslation.untranslatable("a content part of type \"" + type + "\"");
            }
        }
    }

    /** The text of output/input text parts (refusals included). */
    private static String text(JsonNode content) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (part.path("text").isTextual()) {
                text.append(part.get("text").asText());
            } else if ("refusal".equals(type)) {
                text.append(part.path("refusal").asText(""));
            } else {
                throw ResponsesToChatTranslation.untranslatable("a content part of type \"" + type + "\"");
            }
        }
        return text.toString();
    }
}
