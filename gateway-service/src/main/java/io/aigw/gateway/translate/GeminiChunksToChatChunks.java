package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorEnvelopes;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;

/**
 * Gemini's `streamGenerateContent?alt=sse` chunks as `chat.completion.chunk`s: the first chunk opens with a role
 * chunk; text parts → `delta.content` (thoughts left out); each `functionCall` part (Gemini sends it whole) → one
 * `tool_calls` delta with its index, id, name and all its arguments; the chunk with `finishReason` → the finish chunk,
 * then the usage chunk (`"choices":[]`, when the client asked with `stream_options.include_usage`) and `data: [DONE]`,
 * which Gemini never sends. An error object → an OpenAI error event, and the stream ends. A stream that ends without
 * a chunk with `finishReason` was cut ({@link #finish}): an OpenAI error event, no finish chunk and no `[DONE]`.
 */
final class GeminiChunksToChatChunks implements StreamTransform {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes();

    private final boolean includeUsage;
    private final String provider;
    private final long created = System.currentTimeMillis() / 1000;
    private String id;
    private String model = "";
    private JsonNode usage;
    private int calls;
    private boolean ended;

    GeminiChunksToChatChunks(boolean includeUsage, String provider) {
        this.includeUsage = includeUsage;
        this.provider = provider;
    }

    @Override
    public Buffer apply(Buffer events) {
        Buffer out = Buffer.buffer(events.length() + 128);
        SseEvents.forEach(events, (name, data) -> chunk(data, out));
        return out;
    }

    @Override
    public Buffer finish() {
        if (ended) {
            return null;
        }
        ended = true;
        return ErrorEnvelopes.streamEvent(ErrorFormat.OPENAI, new GatewayException(ErrorCode.ALL_ATTEMPTS_FAILED,
                ChatChunkStream.streamFailure(provider, "the stream ended without a finishReason.")));
    }

    private void chunk(String data, Buffer out) {
        if (ended) {
            return;
        }
        JsonNode json = TranslatedBody.event(data);
        if (json == null || !json.isObject()) {
            return;
        }
        if (json.path("error").isObject()) {
            ended = true;
            out.appendBuffer(ErrorEnvelopes.streamEvent(ErrorFormat.OPENAI, new GatewayException(
                    ErrorCode.ALL_ATTEMPTS_FAILED, ChatChunkStream.streamFailure(provider,
                            json.get("error").path("message").asText("stream error")))));
            return;
        }
        model = json.path("modelVersion").asText(model);
        if (json.path("usageMetadata").isObject()) {
            usage = json.get("usageMetadata");
        }
        if (id == null) {
            id = GeminiToChatCompletion.chatId(json);
            write(out, NODES.objectNode().put("role", "assistant").put("content", ""), null);
        }
        JsonNode candidate = json.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)
                    && !part.get("text").asText().isEmpty()) {
                write(out, NODES.objectNode().put("content", part.get("text").asText()), null);
            } else if (part.path("functionCall").isObject()) {
                ObjectNode call = GeminiToChatCompletion.toolCall(part.get("functionCall"), json, calls);
                ObjectNode delta = NODES.objectNode();
                delta.putArray("tool_calls").addObject().put("index", calls++).setAll(call);
                write(out, delta, null);
            }
        }
        boolean blocked = candidate.isMissingNode() && json.path("promptFeedback").has("blockReason");
        if (candidate.path("finishReason").isTextual() || blocked) {
            write(out, NODES.objectNode(), blocked ? "content_filter"
                    : GeminiToChatCompletion.finishReason(candidate.get("finishReason").asText(), calls > 0));
            if (includeUsage && usage != null) {
                ObjectNode usageChunk = AnthropicToOpenAiTranslator.head(id, "chat.completion.chunk", model);
                usageChunk.put("created", created);
                usageChunk.putArray("choices");
                usageChunk.set("usage", GeminiToChatCompletion.usage(usage));
                SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(usageChunk));
            }
            out.appendBytes(DONE);
            ended = true;
        }
    }

    private void write(Buffer out, ObjectNode delta, String finishReason) {
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
}
