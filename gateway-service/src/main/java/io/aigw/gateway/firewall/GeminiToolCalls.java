package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Gemini's tool calls: whole {@code functionCall} parts ({@code name}, {@code args}) in a candidate's
 * {@code content.parts}, in an answer and in each streamed chunk alike (Gemini never splits a call). A blocked call's
 * part is replaced, in place, by a text part holding the note.
 */
final class GeminiToolCalls {

    private GeminiToolCalls() {
    }

    /** Replaces every candidate's function call in {@code root} (an answer or a chunk) that {@code notes} blocks. */
    static boolean filter(TreeToolCalls.Notes notes, JsonNode root) {
        boolean changed = false;
        for (JsonNode candidate : root.path("candidates")) {
            JsonNode parts = candidate.path("content").path("parts");
            for (int i = 0; i < parts.size(); i++) {
                JsonNode call = parts.get(i).get("functionCall");
                if (call == null || !call.isObject()) {
                    continue;
                }
                String name = call.path("name").asText("");
                String note = notes.note(name, call.has("args") ? call.get("args").toString() : "{}");
                if (note != null) {
                    ((ArrayNode) parts).set(i, JsonNodeFactory.instance.objectNode().put("text", note));
                    changed = true;
                }
            }
        }
        return changed;
    }
}
