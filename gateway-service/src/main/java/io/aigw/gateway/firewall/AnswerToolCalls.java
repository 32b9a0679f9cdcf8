package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.routing.Surface;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the blocked tool calls from a non-streamed answer in the client's surface, and ends the model's turn with a
 * note naming the rule: chat completions get the note in the message's {@code content} (and {@code finish_reason:
 * stop} when no call is left); Anthropic messages get a text block (and {@code stop_reason: end_turn}); a Responses
 * answer gets an assistant message item in the call's place; a Gemini answer a text part in the call's place. The
 * verdicts may come from judges ({@code decision} rules on tool calls): the answer waits for them, the event loop
 * does not.
 */
public final class AnswerToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerToolCalls() {
    }

    /** What the firewall made of an answer: {@code bytes} the rewritten answer (null = unchanged), every match. */
    public record Filtered(byte[] bytes, List<Finding> findings) {
    }

    /**
     * The answer without its blocked calls, once every call's verdict is in (at once without decision rules on tool
     * calls; never failed). Nothing is recorded here: the caller records {@link Filtered#findings()}.
     */
    public static Future<Filtered> filter(ToolCallCheck check, Surface surface, byte[] answer) {
        TreeToolCalls.Walker walker = switch (surface) {
            case CHAT_COMPLETIONS -> AnswerToolCalls::chat;
            case MESSAGES -> AnswerToolCalls::messages;
            case RESPONSES -> ResponsesToolCalls::filter;
            case GENERATE_CONTENT -> GeminiToolCalls::filter;
            default -> null;
        };
        if (!check.active() || walker == null) {
            return Future.succeededFuture(new Filtered(null, List.of()));
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer);
        } catch (IOException e) {
            return Future.succeededFuture(new Filtered(null, List.of()));
        }
        return TreeToolCalls.check(check, root, walker).map(verdicts -> {
            List<Finding> findings = new ArrayList<>();
            if (!TreeToolCalls.apply(verdicts, root, walker, findings::addAll)) {
                return new Filtered(null, findings);
            }
            try {
                return new Filtered(JSON.writeValueAsBytes(root), findings);
            } catch (IOException e) {
                throw new IllegalStateException("answer not serialisable", e);
            }
        });
    }

    private static boolean chat(TreeToolCalls.Notes check, JsonNode root) {
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
                String note = check.note(call.path("function").path("name").asText(),
                        call.path("function").path("arguments").asText());
                if (note == null) {
                    kept.add(call);
                } else {
                    notes.add(note);
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

    private static boolean messages(TreeToolCalls.Notes check, JsonNode root) {
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
            String note = check.note(block.path("name").asText(), block.path("input").toString());
            if (note == null) {
                kept.add(block);
                callsLeft = true;
            } else {
                notes.add(note);
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
