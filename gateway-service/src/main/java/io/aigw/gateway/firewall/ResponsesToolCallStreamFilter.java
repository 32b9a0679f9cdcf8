package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.translate.SseEvents;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the {@code function_call} items of an OpenAI Responses stream (in the client's format) when they complete.
 * A call's events are held, per output index, from its {@code response.output_item.added} to its
 * {@code response.output_item.done} (whose item carries the whole arguments) and until its verdict is in; every other
 * event passes at once, unless a verdict is awaited (then it follows, in order).
 * An allowed call's held events then go out; a blocked call's are dropped and replaced, at the same output index, by
 * an assistant message item holding the note ({@code output_item.added}, {@code content_part.added},
 * {@code output_text.delta}, {@code output_text.done}, {@code content_part.done}, {@code output_item.done}), and the
 * final {@code response.completed} lists that message in the call's place. From the first event it reads on, the
 * filter renumbers {@code sequence_number}s so they stay consecutive.
 */
public final class ResponsesToolCallStreamFilter extends ToolCallStreamFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, HeldToolCall> calls = new HashMap<>();
    private final Map<String, ObjectNode> notes = new HashMap<>();
    private long sequence = -1;

    /** {@code inner}: the transform before this one (a translation), or null. */
    public ResponsesToolCallStreamFilter(ToolCallCheck check, StreamTransform inner, Consumer<List<Finding>> record) {
        super(check, inner, record, "\"function_call\"");
    }

    @Override
    protected void event(Buffer event, JsonNode node) {
        if (sequence < 0 && node.has("sequence_number")) {
            sequence = node.get("sequence_number").asLong();
        }
        String type = node.path("type").asText();
        int index = node.path("output_index").asInt(-1);
        HeldToolCall call = calls.get(index);
        if (type.equals("response.output_item.added") && node.path("item").path("type").asText().equals("function_call")) {
            call = new HeldToolCall(check, record, "{}");
            call.start(index, node.path("item").path("name").asText(""));
            call.hold(event);
            calls.put(index, call);
        } else if (call != null && type.equals("response.output_item.done")) {
            call.hold(event);
            call.addArguments(ResponsesToolCalls.arguments(node.path("item")));
            calls.remove(index);
            HeldToolCall held = call;
            HeldToolCall.Completed done = call.complete();
            after(done.verdict(), (verdict, out) -> {
                String note = held.settle(done, e -> write(StreamEvents.data(e), out));
                if (note != null) {
                    replaced(index, node.path("item"), note, out);
                }
            });
        } else if (call != null) {
            call.hold(event); // its argument deltas
        } else {
            emit(out -> {
                if (type.equals("response.completed") || type.equals("response.incomplete")) {
                    ResponsesToolCalls.replace(node.path("response"), notes);
                }
                write(node, out);
            });
        }
    }

    /** The note's message item, in the blocked call's place. */
    private void replaced(int index, JsonNode call, String note, Buffer out) {
        ObjectNode done = ResponsesToolCalls.noteItem(call, note, "completed");
        notes.put(call.path("id").asText(), done);
        String id = done.path("id").asText();
        write(event("response.output_item.added").put("output_index", index)
                .set("item", ResponsesToolCalls.noteItem(call, note, "in_progress")), out);
        write(part("response.content_part.added", id, index).set("part", ResponsesToolCalls.textPart("")), out);
        ObjectNode delta = part("response.output_text.delta", id, index).put("delta", note);
        delta.putArray("logprobs");
        write(delta, out);
        ObjectNode text = part("response.output_text.done", id, index).put("text", note);
        text.putArray("logprobs");
        write(text, out);
        write(part("response.content_part.done", id, index).set("part", ResponsesToolCalls.textPart(note)), out);
        write(event("response.output_item.done").put("output_index", index).set("item", done), out);
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode part(String type, String itemId, int index) {
        return event(type).put("item_id", itemId).put("output_index", index).put("content_index", 0);
    }

    /** Writes the event with the next sequence number (numbering continues from the first event read). */
    private void write(JsonNode node, Buffer out) {
        ObjectNode event = (ObjectNode) node;
        if (sequence < 0) {
            sequence = event.path("sequence_number").asLong(0);
        }
        event.put("sequence_number", sequence++);
        out.appendString("event: ").appendString(event.path("type").asText()).appendString("\n");
        SseEvents.appendData(out, event.toString().getBytes(StandardCharsets.UTF_8));
    }
}
