package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.routing.Surface;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the blocked tool calls from a non-streamed answer in the client's surface, and ends the model's turn with a
 * note naming the rule: chat completions get the note in the message's {@code content} (and {@code finish_reason:
 * stop} when no call is left); Anthropic messages get a text block (and {@code stop_reason: end_turn}); a Responses
 * answer gets an assistant message item in the call's place; a Gemini answer a text part in the call's place.
 */
public final class AnswerToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerToolCalls() {
    }

    /** The rewritten answer, or null when nothing was blocked (the answer then goes out byte for byte). */
    public static byte[] filter(Firewall firewall, Surface surface, byte[] answer, List<Finding> findings) {
        if (!firewall.inspectsToolCalls() || surface == Surface.EMBEDDINGS || surface == Surface.COMPLETIONS) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (IOException e) {
            return null;
        }
        boolean changed = switch (surface) {
            case CHAT_COMPLETIONS -> chat(firewall, root, findings);
            case MESSAGES -> messages(firewall, root, findings);
            case RESPONSES -> ResponsesToolCalls.filter(firewall, root, findings::addAll);
            case GENERATE_CONTENT -> GeminiToolCalls.filter(firewall, root, findings::addAll);
            default -> false;
        };
        if (!changed) {
            return null;
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
    }

    private static boolean chat(Firewall firewall, JsonNode root, List<Finding> findings) {
        boolean changed = false;
        for (JsonNode choice : root.path("choices")) {
            JsonNode message = choice.path("message");
            JsonNode calls = message.path("tool_calls");
            if (!calls.isArray() || calls.isEmpty()) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            ArrayNode kept = JSON.createArrayNode();
            for (JsonNode call : calls) {
                String name = call.path("function").path("name").asText();
                Finding blocked = ToolCallInspector.check(firewall, name, call.path("function").path("arguments").asText(), findings);
                if (blocked == null) {
                    kept.add(call);
                } else {
                    notes.add(ToolCallInspector.note(name, blocked));
                }
            }
            if (notes.isEmpty()) {
                continue;
            }
            changed = true;
            ObjectNode m = (ObjectNode) message;
            String content = m.path("content").isTextual() ? m.get("content").textValue() + "\n\n" : "";
            m.put("content", content + String.join("\n", notes));
            if (kept.isEmpty()) {
                m.remove("tool_calls");
                ((ObjectNode) choice).put("finish_reason", "stop");
            } else {
                m.set("tool_calls", kept);
            }
        }
        return changed;
    }

    private static boolean messages(Firewall firewall, JsonNode root, List<Finding> findings) {
        JsonNode content = root.path("content");
        if (!content.isArray()) {
            return false;
        }
        List<String> notes = new ArrayList<>();
        ArrayNode kept = JSON.createArrayNode();
        boolean callsLeft = false;
        for (JsonNode block : content) {
            if (!block.path("type").asText().equals("tool_use")) {
                kept.add(block);
                continue;
            }
            String name = block.path("name").asText();
            Finding blocked = ToolCallInspector.check(firewall, name, block.path("input").toString(), findings);
            if (blocked == null) {
                kept.add(block);
                callsLeft = true;
            } else {
                notes.add(ToolCallInspector.note(name, blocked));
            }
        }
        if (notes.isEmpty()) {
            return false;
        }
        kept.addObject().put("type", "text").put("text", String.join("\n", notes));
        ((ObjectNode) root).set("content", kept);
        if (!callsLeft && "tool_use".equals(root.path("stop_reason").asText())) {
            ((ObjectNode) root).put("stop_reason", "end_turn");
        }
        return true;
    }
}
