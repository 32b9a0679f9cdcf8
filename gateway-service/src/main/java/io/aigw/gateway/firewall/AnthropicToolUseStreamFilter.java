package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks the {@code tool_use} blocks of an Anthropic messages stream (in the client's format) as their input
 * completes. Only a tool_use block's events are held, from its {@code content_block_start} to its
 * {@code content_block_stop}; every other event passes at once, unless a verdict is awaited (the blocks after a call
 * follow it, so their indexes stay in order). An allowed block's events then go out as received; a blocked one is
 * replaced, at the same index, by a text block holding the note that names the rule, so the block indexes stay
 * consecutive; {@code stop_reason: tool_use} becomes {@code end_turn} when no call is left.
 */
public final class AnthropicToolUseStreamFilter extends ToolCallStreamFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HeldToolCall call;

    /** {@code inner}: the transform before this one (a translation), or null. */
    public AnthropicToolUseStreamFilter(ToolCallCheck check, StreamTransform inner, Consumer<List<Finding>> record) {
        super(check, inner, record, "\"tool_use\"");
        this.call = new HeldToolCall(check, record, "{}");
    }

    @Override
    protected void event(Buffer event, JsonNode node) {
        String type = node.path("type").asText();
        boolean ofCall = call.underWay() && node.path("index").asInt(-1) == call.index();
        if (type.equals("content_block_start") && node.path("content_block").path("type").asText().equals("tool_use")) {
            call.start(node.path("index").asInt(), node.path("content_block").path("name").asText(""));
            call.hold(event);
        } else if (ofCall && type.equals("content_block_delta")) {
            call.addArguments(node.path("delta").path("partial_json").asText(""));
            call.hold(event);
        } else if (ofCall && type.equals("content_block_stop")) {
            call.hold(event);
            complete();
        } else if (type.equals("message_delta") && "tool_use".equals(node.path("delta").path("stop_reason").asText())) {
            emit(out -> {
                if (call.blocked() > 0 && call.allowed() == 0) {
                    ((ObjectNode) node.path("delta")).put("stop_reason", "end_turn");
                    write(out, "message_delta", node);
                } else {
                    out.appendBuffer(event);
                }
            });
        } else {
            emit(event);
        }
    }

    private void complete() {
        HeldToolCall.Completed done = call.complete();
        after(done.verdict(), (verdict, out) -> {
            String note = call.settle(done, out::appendBuffer);
            if (note == null) {
                return;
            }
            int index = done.index();
            ObjectNode start = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
            start.putObject("content_block").put("type", "text").put("text", "");
            write(out, "content_block_start", start);
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
            delta.putObject("delta").put("type", "text_delta").put("text", note);
            write(out, "content_block_delta", delta);
            write(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
        });
    }

    private static void write(Buffer out, String event, JsonNode data) {
        out.appendString("event: " + event + "\ndata: " + data + "\n\n");
    }
}
