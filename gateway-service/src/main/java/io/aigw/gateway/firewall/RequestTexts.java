package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.routing.Surface;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in a parsed request of any surface, the strings rules read (user, system and assistant text, tool results,
 * tool descriptions) and the names of the tools it defines. Images, audio and unknown parts are not read.
 */
final class RequestTexts {

    final List<TextSlot> slots = new ArrayList<>();
    final List<String> toolNames = new ArrayList<>();

    static RequestTexts of(Surface surface, JsonNode body) {
        RequestTexts texts = new RequestTexts();
        switch (surface) {
            case CHAT_COMPLETIONS -> texts.chat(body);
            case MESSAGES -> texts.messages(body);
            case RESPONSES -> texts.responses(body);
            case GENERATE_CONTENT -> texts.gemini(body);
            case EMBEDDINGS -> texts.strings(Target.USER, body, "input");
            case COMPLETIONS -> texts.strings(Target.USER, body, "prompt");
        }
        return texts;
    }

    private void chat(JsonNode body) {
        for (JsonNode message : body.path("messages")) {
            Target target = role(message.path("role").asText());
            content(target, message, "content", "text");
        }
        for (JsonNode tool : body.path("tools")) {
            JsonNode function = tool.path("function");
            definition(function, "name", "description");
        }
    }

    private void messages(JsonNode body) {
        content(Target.SYSTEM, body, "system", "text");
        for (JsonNode message : body.path("messages")) {
            Target target = role(message.path("role").asText());
            JsonNode content = message.get("content");
            add(TextSlot.field(target, message, "content"));
            for (JsonNode block : content == null || !content.isArray() ? List.<JsonNode>of() : iterable(content)) {
                String type = block.path("type").asText();
                if (type.equals("text")) {
                    add(TextSlot.field(target, block, "text"));
                } else if (type.equals("tool_result")) {
                    content(Target.TOOL_RESULT, block, "content", "text");
                }
            }
        }
        for (JsonNode tool : body.path("tools")) {
            definition(tool, "name", "description");
        }
    }

    private void responses(JsonNode body) {
        add(TextSlot.field(Target.SYSTEM, body, "instructions"));
        add(TextSlot.field(Target.USER, body, "input"));
        for (JsonNode item : body.path("input")) {
            if (item.path("type").asText().equals("function_call_output")) {
                add(TextSlot.field(Target.TOOL_RESULT, item, "output"));
            } else if (item.has("role")) {
                Target target = role(item.path("role").asText());
                add(TextSlot.field(target, item, "content"));
                for (JsonNode part : item.path("content")) {
                    add(TextSlot.field(target, part, "text"));
                }
            }
        }
        for (JsonNode tool : body.path("tools")) {
            definition(tool, "name", "description");
        }
    }

    private void gemini(JsonNode body) {
        for (JsonNode part : body.path("systemInstruction").path("parts")) {
            add(TextSlot.field(Target.SYSTEM, part, "text"));
        }
        for (JsonNode content : body.path("contents")) {
            Target target = content.path("role").asText("user").equals("model") ? Target.ASSISTANT : Target.USER;
            for (JsonNode part : content.path("parts")) {
                add(TextSlot.field(target, part, "text"));
            }
        }
        for (JsonNode tool : body.path("tools")) {
            for (JsonNode declaration : tool.path("functionDeclarations")) {
                definition(declaration, "name", "description");
            }
        }
    }

    /** {@code node.field} as a string, or an array of strings / of parts with a {@code textField}. */
    private void content(Target target, JsonNode node, String field, String textField) {
        JsonNode value = node.get(field);
        if (value == null) {
            return;
        }
        add(TextSlot.field(target, node, field));
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                add(TextSlot.element(target, value, i));
                add(TextSlot.field(target, value.get(i), textField));
            }
        }
    }

    private void strings(Target target, JsonNode body, String field) {
        content(target, body, field, "text");
    }

    private void definition(JsonNode tool, String nameField, String descriptionField) {
        JsonNode name = tool.get(nameField);
        if (name != null && name.isTextual()) {
            toolNames.add(name.textValue());
        }
        add(TextSlot.field(Target.TOOL_DEFINITION, tool, descriptionField));
    }

    private void add(TextSlot slot) {
        if (slot != null) {
            slots.add(slot);
        }
    }

    private static Target role(String role) {
        return switch (role) {
            case "system", "developer" -> Target.SYSTEM;
            case "assistant", "model" -> Target.ASSISTANT;
            case "tool", "function" -> Target.TOOL_RESULT;
            default -> Target.USER;
        };
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array::elements;
    }
}
