package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The OpenAI Responses API's tool calls: {@code function_call} items ({@code name}, {@code arguments} JSON text) in a
 * response's {@code output}. A blocked call's item is replaced, at the same place, by an assistant message item whose
 * text is the note.
 */
final class ResponsesToolCalls {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponsesToolCalls() {
    }

    /** Replaces every function call of a response object that {@code notes} blocks; whether one was replaced. */
    static boolean filter(TreeToolCalls.Notes notes, JsonNode response) {
        JsonNode output = response.path("output");
        boolean changed = false;
        for (int i = 0; i < output.size(); i++) {
            JsonNode item = output.get(i);
            if (!item.path("type").asText().equals("function_call")) {
                continue;
            }
            String name = item.path("name").asText("");
            String note = notes.note(name, arguments(item));
            if (note != null) {
                ((ArrayNode) output).set(i, noteItem(item, note, "completed"));
                changed = true;
            }
        }
        return changed;
    }

    /** Replaces the items named in {@code notes} (by item id) in a response object's {@code output}. */
    static void replace(JsonNode response, Map<String, ObjectNode> notes) {
        JsonNode output = response.path("output");
        for (int i = 0; i < output.size(); i++) {
            ObjectNode note = notes.get(output.get(i).path("id").asText());
            if (note != null && output.get(i).path("type").asText().equals("function_call")) {
                ((ArrayNode) output).set(i, note);
            }
        }
    }

    static String arguments(JsonNode item) {
        String arguments = item.path("arguments").asText("");
        return arguments.isEmpty() ? "{}" : arguments;
    }

    /** The assistant message that takes a blocked call's place ({@code content} empty while in progress). */
    static ObjectNode noteItem(JsonNode call, String note, String status) {
        ObjectNode item = NODES.objectNode().put("id", "msg_fw_" + call.path("call_id").asText(call.path("id").asText()))
                .put("type", "message").put("status", status).put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (status.equals("completed")) {
            content.add(textPart(note));
        }
        return item;
    }

    static ObjectNode textPart(String text) {
        ObjectNode part = NODES.objectNode().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        return part;
    }
}
