package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorEnvelopes;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.provider.UpstreamErrorTranslator;
import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.Map;

/**
 * An Anthropic messages stream as `chat.completion.chunk`s, event by event: `message_start` → the role
 * chunk, text deltas → `delta.content`, a `tool_use` block → a `tool_calls` entry and its
 * `input_json_delta`s → argument deltas, `message_delta` → the finish chunk, `message_stop` → the usage
 * chunk (`"choices":[]`, only when the client asked with `stream_options.include_usage`) and
 * `data: [DONE]`. An in-stream `error` event becomes an OpenAI error event; `ping` is dropped. A stream that ends
 * without `message_stop` ({@link #finish}) ends as `message_stop` would after a `message_delta`, else with an OpenAI
 * error event (the answer was cut).
 */
public final class AnthropicStreamTranslator implements StreamTransform {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes();

    private final boolean includeUsage;
    private final String provider;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>(4);
    private String id = "";
    private String model = "";
    private final long created = System.currentTimeMillis() / 1000;
    private JsonNode startUsage = NODES.objectNode();
    private JsonNode finalUsage;
    private boolean stopped;
    private boolean ended;

    public AnthropicStreamTranslator(boolean includeUsage, String provider) {
        this.includeUsage = includeUsage;
        this.provider = provider;
    }

    @Override
    public Buffer apply(Buffer events) {
        Buffer out = Buffer.buffer(events.length() + 64);
        SseEvents.forEach(events, (name, data) -> event(name, data, out));
        return out;
    }

    private void event(String name, String data, Buffer out) {
        if (ended) {
            return;
        }
        JsonNode json = TranslatedBody.event(data);
        if (json == null) {
            return;
        }
        String type = name != null ? name : json.path("type").asText();
        switch (type) {
            case "message_start" -> {
                JsonNode message = json.path("message");
                id = message.path("id").asText(id);
                model = message.path("model").asText(model);
                if (message.path("usage").isObject()) {
                    startUsage = message.get("usage");
                }
                ObjectNode delta = NODES.objectNode().put("role", "assistant").put("content", "");
                chunk(out, delta, null);
            }
            case "content_block_start" -> {
                JsonNode block = json.path("content_block");
                String blockType = block.path("type").asText();
                if ("tool_use".equals(blockType)) {
                    int tool = toolIndexByBlock.size();
                    toolIndexByBlock.put(json.path("index").asInt(), tool);
                    ObjectNode call = NODES.objectNode().put("index", tool).put("id", block.path("id").asText(""))
                            .put("type", "function");
                    call.putObject("function").put("name", block.path("name").asText("")).put("arguments", "");
                    ObjectNode delta = NODES.objectNode();
                    delta.putArray("tool_calls").add(call);
                    chunk(out, delta, null);
                } else if ("text".equals(blockType) && !block.path("text").asText("").isEmpty()) {
                    chunk(out, NODES.objectNode().put("content", block.path("text").asText()), null);
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = json.path("delta");
                String deltaType = delta.path("type").asText();
                if ("text_delta".equals(deltaType)) {
                    chunk(out, NODES.objectNode().put("content", delta.path("text").asText("")), null);
                } else if ("input_json_delta".equals(deltaType)) {
                    Integer tool = toolIndexByBlock.get(json.path("index").asInt());
                    if (tool != null) {
                        ObjectNode call = NODES.objectNode().put("index", tool);
                        call.putObject("function").put("arguments", delta.path("partial_json").asText(""));
                        ObjectNode out2 = NODES.objectNode();
                        out2.putArray("tool_calls").add(call);
                        chunk(out, out2, null);
                    }
                }
            }
            case "message_delta" -> {
                if (json.path("usage").isObject()) {
                    finalUsage = json.get("usage");
                }
                stopped = true;
                String stop = json.path("delta").path("stop_reason").asText(null);
                chunk(out, NODES.objectNode(), AnthropicToOpenAiTranslator.finishReason(stop));
            }
            case "message_stop" -> stop(out);
            case "error" -> fail(json.path("error").path("message").asText("stream error"), out);
            default -> {
                // ping, content_block_stop, thinking and unknown events carry nothing for chat-completions
            }
        }
    }

    @Override
    public Buffer finish() {
        if (ended) {
            return null;
        }
        Buffer out = Buffer.buffer(256);
        if (stopped) {
            stop(out);
        } else {
            fail("the stream ended without a stop_reason.", out);
        }
        return out;
    }

    /** `message_stop`: the usage chunk when the client asked, and `[DONE]`. */
    private void stop(Buffer out) {
        if (includeUsage) {
            ObjectNode usageChunk = AnthropicToOpenAiTranslator.head(id, "chat.completion.chunk", model);
            usageChunk.put("created", created);
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage());
            SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(usageChunk));
        }
        out.appendBytes(DONE);
        ended = true;
    }

    private void fail(String message, Buffer out) {
        out.appendBuffer(ErrorEnvelopes.streamEvent(ErrorFormat.OPENAI, new GatewayException(
                ErrorCode.ALL_ATTEMPTS_FAILED, "Provider \"" + provider + "\" failed during the stream: "
                        + UpstreamErrorTranslator.scrub(message, null))));
        ended = true;
    }

    private ObjectNode usage() {
        ObjectNode merged = startUsage.deepCopy();
        if (finalUsage != null) {
            finalUsage.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        }
        return AnthropicToOpenAiTranslator.usage(merged, 0, 0);
    }

    private void chunk(Buffer out, ObjectNode delta, String finishReason) {
        ObjectNode chunk = AnthropicToOpenAiTranslator.head(id, "chat.completion.chunk", model);
        chunk.put("created", created);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(chunk));
    }

    /** Whether `message_stop` (or an error) was translated. */
    public boolean ended() {
        return ended;
    }
}
