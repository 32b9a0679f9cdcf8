package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gemini's tool calls: whole {@code functionCall} parts ({@code name}, {@code args}) in a candidate's
 * {@code content.parts}, in an answer and in each streamed chunk alike (Gemini never splits a call). A blocked call's
 * part is replaced, in place, by a text part holding the note.
 */
final class GeminiToolCalls {

    private GeminiToolCalls() {
    }

    /** Checks every candidate's function calls in {@code root} (an answer or a chunk); whether one was replaced. */
    static boolean filter(Firewall firewall, JsonNode root, Consumer<List<Finding>> record) {
        boolean changed = false;
        for (JsonNode candidate : root.path("candidates")) {
            JsonNode parts = candidate.path("content").path("parts");
            for (int i = 0; i < parts.size(); i++) {
                JsonNode call = parts.get(i).get("functionCall");
                if (call == null || !call.isObject()) {
                    continue;
                }
                String name = call.path("name").asText("");
                List<Finding> findings = new ArrayList<>();
                Finding blocked = ToolCallInspector.check(firewall, name,
                        call.has("args") ? call.get("args").toString() : "{}", findings);
                record.accept(findings);
                if (blocked != null) {
                    ((ArrayNode) parts).set(i, JsonNodeFactory.instance.objectNode()
                            .put("text", ToolCallInspector.note(name, blocked)));
                    changed = true;
                }
            }
        }
        return changed;
    }
}
