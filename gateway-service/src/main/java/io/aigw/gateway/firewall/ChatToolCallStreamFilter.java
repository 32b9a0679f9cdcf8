package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks the tool calls of a chat-completions stream (in the client's format) as their arguments complete. Only the
 * events that carry a tool call's deltas are held, per call index, until the call is complete (the next index starts,
 * or the choice finishes) and its verdict is in; text passes at once, even while a verdict is awaited. An allowed
 * call's held events then go out as received; a blocked call's are dropped, and before the finishing event the model's
 * turn gets a content delta with the note naming the rule ({@code finish_reason} becomes {@code stop} when no call is
 * left). Choice 0 only.
 */
public final class ChatToolCallStreamFilter extends ToolCallStreamFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HeldToolCall call;
    private final List<String> notes = new ArrayList<>();
    private JsonNode last;

    /** {@code inner}: the transform before this one (a translation, the usage filter), or null. */
    public ChatToolCallStreamFilter(ToolCallCheck check, StreamTransform inner, Consumer<List<Finding>> record) {
        super(check, inner, record, "\"tool_calls\"");
        this.call = new HeldToolCall(check, record, "");
    }

    @Override
    protected void other(Buffer event) { // [DONE], comments, anything else
        complete();
        emit(out -> {
            notes(out, null);
            out.appendBuffer(event);
        });
    }

    @Override
    protected void event(Buffer event, JsonNode chunk) {
        last = chunk;
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode calls = choice.path("delta").path("tool_calls");
        boolean finishing = !choice.path("finish_reason").isNull() && !choice.path("finish_reason").isMissingNode();
        if (calls.isArray() && !calls.isEmpty()) {
            for (JsonNode delta : calls) {
                int i = delta.path("index").asInt(0);
                if (i != call.index()) {
                    complete();
                    call.start(i, "");
                }
                call.addName(delta.path("function").path("name").asText(""));
                call.addArguments(delta.path("function").path("arguments").asText(""));
            }
            call.hold(event);
            if (finishing) { // the call's last delta and the finish in one chunk
                HeldToolCall.Completed done = call.complete();
                after(done.verdict(), (verdict, out) -> {
                    String note = call.settle(done, out::appendBuffer);
                    if (note != null) { // dropped with its call: the turn still needs its finish
                        notes.add(note);
                        ObjectNode finish = chunk.deepCopy();
                        ((ObjectNode) finish.path("choices").path(0)).putObject("delta");
                        notes(out, finish);
                    }
                });
            }
            return;
        }
        if (finishing) {
            complete();
            emit(out -> notes(out, (ObjectNode) chunk));
        } else if (choice.path("delta").has("content")) {
            ahead(event); // text is never held back
        } else {
            emit(event);
        }
    }

    /** Ends the call under way: once its verdict is in, its held events go out, or are dropped and a note is kept. */
    private void complete() {
        HeldToolCall.Completed done = call.complete();
        if (done != null) {
            after(done.verdict(), (verdict, out) -> {
                String note = call.settle(done, out::appendBuffer);
                if (note != null) {
                    notes.add(note);
                }
            });
        }
    }

    /** Sends the notes as one content delta, then the finishing chunk ({@code stop} when every call was blocked). */
    private void notes(Buffer out, ObjectNode finishing) {
        if (!notes.isEmpty() && last != null) {
            ObjectNode note = JSON.createObjectNode();
            for (String field : List.of("id", "object", "created", "model", "system_fingerprint")) {
                if (last.has(field)) {
                    note.set(field, last.get(field));
                }
            }
            ObjectNode choice = note.putArray("choices").addObject().put("index", 0);
            choice.putObject("delta").put("content", String.join("\n", notes));
            choice.putNull("finish_reason");
            out.appendString("data: " + note + "\n\n");
        }
        if (finishing != null) {
            if (!notes.isEmpty() && call.allowed() == 0) {
                ((ObjectNode) finishing.path("choices").path(0)).put("finish_reason", "stop");
            }
            out.appendString("data: " + finishing + "\n\n");
        }
        notes.clear();
    }
}
