package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorEnvelopes;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.Map;

/**
 * `chat.completion.chunk`s as an Anthropic messages stream: the first chunk → `message_start`; content deltas →
 * a text block (`content_block_start`, `text_delta`s); each new tool call → a `tool_use` block whose argument
 * pieces are `input_json_delta`s; the finish reason and the usage chunk are held until `data: [DONE]`, which
 * closes the open block and sends `message_delta` (stop reason, usage) and `message_stop`. An error chunk
 * becomes an `error` event and ends the stream.
 */
public final class ChatChunksToMessageEvents extends ChatChunkStream {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<Integer, Integer> blockByTool = new HashMap<>(4);
    private boolean started;
    private int openBlock = -1;
    private boolean textOpen;
    private int blocks;
    private String finishReason;
    private JsonNode usage = NODES.objectNode();

    public ChatChunksToMessageEvents(String provider) {
        super(provider);
    }

    @Override
    protected void chunk(JsonNode json, Buffer out) {
        if (!started) {
            started = true;
            ObjectNode message = NODES.objectNode().put("id", ChatCompletionToMessage.messageId(json.path("id").asText("")))
                    .put("type", "message").put("role", "assistant").put("model", json.path("model").asText(""));
            message.putArray("content");
            message.putNull("stop_reason").putNull("stop_sequence");
            message.putObject("usage").put("input_tokens", 0).put("output_tokens", 0);
            ObjectNode start = NODES.objectNode().put("type", "message_start");
            start.set("message", message);
            event(out, start);
        }
        if (json.path("usage").isObject()) {
            usage = json.get("usage");
        }
        JsonNode choice = json.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        String text = delta.path("content").isTextual() ? delta.get("content").asText()
                : delta.path("refusal").isTextual() ? delta.get("refusal").asText() : "";
        if (!text.isEmpty()) {
            if (!textOpen) {
                open(out, NODES.objectNode().put("type", "text").put("text", ""));
                textOpen = true;
            }
            event(out, blockDelta(openBlock, NODES.objectNode().put("type", "text_delta").put("text", text)));
        }
        for (JsonNode call : delta.path("tool_calls")) {
            toolCall(call, out);
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
    }

    private void toolCall(JsonNode call, Buffer out) {
        int tool = call.path("index").asInt(blockByTool.size());
        Integer block = blockByTool.get(tool);
        JsonNode function = call.path("function");
        if (block == null) {
            ObjectNode start = NODES.objectNode().put("type", "tool_use").put("id", call.path("id").asText(""))
                    .put("name", function.path("name").asText(""));
            start.putObject("input");
            open(out, start);
            textOpen = false;
            block = openBlock;
            blockByTool.put(tool, block);
        }
        String arguments = function.path("arguments").asText("");
        if (!arguments.isEmpty()) {
            event(out, blockDelta(block, NODES.objectNode().put("type", "input_json_delta").put("partial_json", arguments)));
        }
    }

    private static ObjectNode blockDelta(int index, ObjectNode delta) {
        ObjectNode event = NODES.objectNode().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        return event;
    }

    private void open(Buffer out, ObjectNode block) {
        closeBlock(out);
        openBlock = blocks++;
        ObjectNode start = NODES.objectNode().put("type", "content_block_start").put("index", openBlock);
        start.set("content_block", block);
        event(out, start);
    }

    private void closeBlock(Buffer out) {
        if (openBlock >= 0) {
            event(out, NODES.objectNode().put("type", "content_block_stop").put("index", openBlock));
            openBlock = -1;
            textOpen = false;
        }
    }

    @Override
    protected void end(Buffer out) {
        closeBlock(out);
        ObjectNode delta = NODES.objectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", ChatCompletionToMessage.stopReason(finishReason)).putNull("stop_sequence");
        delta.set("usage", ChatCompletionToMessage.usage(usage));
        event(out, delta);
        event(out, NODES.objectNode().put("type", "message_stop"));
    }

    @Override
    protected void error(String message, Buffer out) {
        out.appendBuffer(ErrorEnvelopes.streamEvent(ErrorFormat.ANTHROPIC, new GatewayException(
                ErrorCode.ALL_ATTEMPTS_FAILED, message)));
    }

    private static void event(Buffer out, JsonNode event) {
        out.appendString("event: ").appendString(event.path("type").asText()).appendString("\n");
        SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(event));
    }
}
