package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Chat `messages` as Responses input: the leading system/developer messages → `instructions` (joined by a blank
 * line); later ones stay messages with their role; user text and image parts → `input_text`/`input_image`, file parts
 * → `input_file`; assistant text → an `output_text` message, its `tool_calls` → `function_call` items; `tool`
 * messages → `function_call_output` items. Audio and the legacy `function` role cannot be translated.
 */
final class ChatMessagesToInputItems {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatMessagesToInputItems() {
    }

    static void translate(JsonNode messages, ObjectNode out) {
        StringBuilder instructions = null;
        ArrayNode input = out.putArray("input");
        for (JsonNode message : messages) {
            String role = message.path("role").asText("user");
            JsonNode content = message.path("content");
            switch (role) {
                case "system", "developer" -> {
                    if (input.isEmpty()) {
                        instructions = instructions == null ? new StringBuilder() : instructions.append("\n\n");
                        instructions.append(text(content));
                    } else {
                        input.addObject().put("type", "message").put("role", role).put("content", text(content));
                    }
                }
                case "user" -> user(content, input);
                case "assistant" -> assistant(message, input);
                case "tool" -> input.addObject().put("type", "function_call_output")
                        .put("call_id", message.path("tool_call_id").asText("")).put("output", text(content));
                default -> throw untranslatable("a message with role \"" + role + "\"");
            }
        }
        if (instructions != null && input.isEmpty()) {
            input.addObject().put("type", "message").put("role", "system").put("content", instructions.toString());
        } else if (instructions != null) {
            out.put("instructions", instructions.toString());
        }
    }

    private static void user(JsonNode content, ArrayNode input) {
        ObjectNode item = input.addObject().put("type", "message").put("role", "user");
        if (!content.isArray()) {
            item.put("content", content.asText(""));
            return;
        }
        ArrayNode parts = item.putArray("content");
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            switch (type) {
                case "text" -> parts.addObject().put("type", "input_text").put("text", part.path("text").asText(""));
                case "image_url" -> {
                    JsonNode image = part.path("image_url");
                    ObjectNode out = parts.addObject().put("type", "input_image")
                            .put("image_url", image.isTextual() ? image.asText() : image.path("url").asText(""));
                    out.put("detail", image.path("detail").asText("auto"));
                }
                case "file" -> {
                    ObjectNode file = parts.addObject().put("type", "input_file");
                    part.path("file").fields().forEachRemaining(f -> file.set(f.getKey(), f.getValue()));
                }
                default -> throw untranslatable("a content part of type \"" + type + "\"");
            }
        }
    }

    private static void assistant(JsonNode message, ArrayNode input) {
        JsonNode content = message.path("content");
        String text = content.isNull() || content.isMissingNode() ? "" : text(content);
        if (!text.isEmpty()) {
            ObjectNode item = input.addObject().put("type", "message").put("role", "assistant");
            ObjectNode part = item.putArray("content").addObject().put("type", "output_text").put("text", text);
            part.putArray("annotations");
        }
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            input.addObject().put("type", "function_call").put("call_id", call.path("id").asText(""))
                    .put("name", function.path("name").asText("")).put("arguments", function.path("arguments").asText("{}"));
        }
    }

    /** A string, or the text of text (and refusal) parts. */
    private static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText("");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if ("text".equals(type)) {
                text.append(part.path("text").asText(""));
            } else if ("refusal".equals(type)) {
                text.append(part.path("refusal").asText(""));
            } else {
                throw untranslatable("a content part of type \"" + type + "\"");
            }
        }
        return text.toString();
    }

    static io.aigw.gateway.error.GatewayException untranslatable(String what) {
        return OpenAiToAnthropicTranslator.invalid("The request cannot be translated to openai/responses: " + what
                + " has no equivalent there.", "messages");
    }
}
