package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorEnvelopes;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A Responses event stream as `chat.completion.chunk`s, event by event: `response.created` → the role chunk;
 * `response.output_text.delta` → `delta.content`; `response.refusal.delta` → `delta.refusal`; a `function_call`
 * item (`response.output_item.added`) → a `tool_calls` entry, its `response.function_call_arguments.delta`s →
 * argument deltas; `response.completed` / `response.incomplete` → the finish chunk, the usage chunk (`"choices":[]`,
 * only when the client asked with `stream_options.include_usage`) and `data: [DONE]`. An `error` event or
 * `response.failed` becomes an OpenAI error event. Other events (reasoning, hosted tools, `…done`) carry nothing new.
 * A stream that ends without `response.completed` or `response.incomplete` ({@link #finish}) was cut: an OpenAI error
 * event.
 */
public final class ResponseEventsToChatChunks implements StreamTransform {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final boolean includeUsage;
    private final String provider;
    /** Tool index per function-call item id, and whether its arguments came as deltas. */
    private final Map<String, Integer> toolIndexByItem = new HashMap<>(4);
    private final Map<String, Boolean> streamedArguments = new HashMap<>(4);
    private ObjectNode head = ResponseToChatCompletion.head(NODES.objectNode(), "chat.completion.chunk");
    private boolean started;
    private boolean ended;

    public ResponseEventsToChatChunks(boolean includeUsage, String provider) {
        this.includeUsage = includeUsage;
        this.provider = provider;
    }

    @Override
    public Buffer apply(Buffer events) {
        Buffer out = Buffer.buffer(events.length() + 64);
        SseEvents.forEach(events, (name, data) -> event(name, data, out));
        return out;
    }

    @Override
    public Buffer finish() {
        if (ended) {
            return null;
        }
        Buffer out = Buffer.buffer(256);
        fail("the stream ended without response.completed.", out);
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
        String type = json.path("type").asText(name == null ? "" : name);
        if (!started && json.path("response").isObject()) {
            start(json.get("response"), out);
        }
        switch (type) {
            case "response.output_text.delta" -> delta(out, NODES.objectNode().put("content", json.path("delta").asText("")));
            case "response.refusal.delta" -> delta(out, NODES.objectNode().put("refusal", json.path("delta").asText("")));
            case "response.output_item.added" -> {
                JsonNode item = json.path("item");
                if ("function_call".equals(item.path("type").asText())) {
                    int index = toolIndexByItem.size();
                    toolIndexByItem.put(item.path("id").asText(item.path("call_id").asText("")), index);
                    ObjectNode call = ResponseToChatCompletion.toolCall(item, index);
                    streamedArguments.put(item.path("id").asText(), !item.path("arguments").asText("").isEmpty());
                    toolCalls(out, call);
                }
            }
            case "response.function_call_arguments.delta" -> {
                Integer index = toolIndexByItem.get(json.path("item_id").asText());
                if (index != null) {
                    streamedArguments.put(json.path("item_id").asText(), true);
                    arguments(out, index, json.path("delta").asText(""));
                }
            }
            case "response.output_item.done" -> {
                JsonNode item = json.path("item");
                Integer index = toolIndexByItem.get(item.path("id").asText());
                if (index != null && !streamedArguments.getOrDefault(item.path("id").asText(), false)) {
                    arguments(out, index, item.path("arguments").asText(""));
                }
            }
            case "response.completed", "response.incomplete" -> end(json.path("response"), out);
            case "response.failed" -> fail(json.path("response").path("error").path("message").asText("response failed"), out);
            case "error" -> fail(json.path("message").asText(json.path("error").path("message").asText("stream error")), out);
            default -> {
                // created, in_progress, content parts, reasoning, hosted tools and `…done` events add nothing
            }
        }
    }

    private void start(JsonNode response, Buffer out) {
        started = true;
        head = ResponseToChatCompletion.head(response, "chat.completion.chunk");
        chunk(out, NODES.objectNode().put("role", "assistant").put("content", ""), null);
    }

    private void end(JsonNode response, Buffer out) {
        ended = true;
        chunk(out, NODES.objectNode(), ResponseToChatCompletion.finishReason(response, !toolIndexByItem.isEmpty()));
        if (includeUsage && response.path("usage").isObject()) {
            ObjectNode usage = head.deepCopy();
            usage.putArray("choices");
            usage.set("usage", ResponseToChatCompletion.usage(response.get("usage")));
            SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(usage));
        }
        out.appendBytes(DONE);
    }

    private void fail(String message, Buffer out) {
        ended = true;
        out.appendBuffer(ErrorEnvelopes.streamEvent(ErrorFormat.OPENAI, new GatewayException(
                ErrorCode.ALL_ATTEMPTS_FAILED, ChatChunkStream.streamFailure(provider, message))));
    }

    private void delta(Buffer out, ObjectNode delta) {
        chunk(out, delta, null);
    }

    private void arguments(Buffer out, int index, String arguments) {
        if (arguments.isEmpty()) {
            return;
        }
        ObjectNode call = NODES.objectNode().put("index", index);
        call.putObject("function").put("arguments", arguments);
        toolCalls(out, call);
    }

    private void toolCalls(Buffer out, ObjectNode call) {
        ObjectNode delta = NODES.objectNode();
        delta.putArray("tool_calls").add(call);
        chunk(out, delta, null);
    }

    private void chunk(Buffer out, ObjectNode delta, String finishReason) {
        ObjectNode chunk = head.deepCopy();
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.set("finish_reason", finishReason == null ? NODES.nullNode() : NODES.textNode(finishReason));
        SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(chunk));
    }
}
