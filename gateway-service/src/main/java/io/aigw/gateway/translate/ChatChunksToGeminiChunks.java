package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorEnvelopes;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * `chat.completion.chunk`s as Gemini's `streamGenerateContent?alt=sse` chunks: each content delta → a chunk with a
 * text part; tool calls are collected (Gemini sends whole `functionCall` parts) and sent with the last chunk, which
 * carries `finishReason` and `usageMetadata`, at `data: [DONE]`. An error chunk → Google's error envelope.
 */
public final class ChatChunksToGeminiChunks extends ChatChunkStream {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<Integer, String[]> calls = new LinkedHashMap<>(2);
    private final Map<Integer, StringBuilder> arguments = new LinkedHashMap<>(2);
    private String id = "";
    private String model = "";
    private String finishReason;
    private JsonNode usage;

    public ChatChunksToGeminiChunks(String provider) {
        super(provider);
    }

    @Override
    protected int outputCapacity(int inputLength) {
        return inputLength + 64;
    }

    @Override
    protected void chunk(JsonNode json, Buffer out) {
        id = json.path("id").asText(id);
        model = json.path("model").asText(model);
        if (json.path("usage").isObject()) {
            usage = json.get("usage");
        }
        JsonNode choice = json.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isTextual() && !delta.get("content").asText().isEmpty()) {
            ObjectNode chunk = chunk();
            ((ArrayNode) chunk.at("/candidates/0/content/parts")).addObject().put("text", delta.get("content").asText());
            SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(chunk));
        }
        for (JsonNode call : delta.path("tool_calls")) {
            int index = call.path("index").asInt(calls.size());
            calls.computeIfAbsent(index, i -> new String[] {call.path("id").asText(""), call.path("function").path("name").asText("")});
            arguments.computeIfAbsent(index, i -> new StringBuilder()).append(call.path("function").path("arguments").asText(""));
        }
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.get("finish_reason").asText();
        }
    }

    private ObjectNode chunk() {
        ObjectNode chunk = NODES.objectNode();
        ObjectNode candidate = chunk.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").putArray("parts");
        candidate.put("index", 0);
        chunk.put("modelVersion", model).put("responseId", id);
        return chunk;
    }

    @Override
    protected void error(String message, Buffer out) {
        out.appendBuffer(ErrorEnvelopes.streamEvent(ErrorFormat.GOOGLE, new GatewayException(ErrorCode.ALL_ATTEMPTS_FAILED,
                message)));
    }

    @Override
    protected void end(Buffer out) {
        ObjectNode chunk = chunk();
        ArrayNode parts = (ArrayNode) chunk.at("/candidates/0/content/parts");
        calls.forEach((index, call) -> parts.add(ChatCompletionToGemini.functionCall(call[0], call[1],
                NODES.textNode(arguments.get(index).toString()))));
        ((ObjectNode) chunk.at("/candidates/0")).put("finishReason", ChatCompletionToGemini.finishReason(finishReason));
        if (usage != null) {
            chunk.set("usageMetadata", ChatCompletionToGemini.usage(usage));
        }
        SseEvents.appendData(out, AnthropicToOpenAiTranslator.bytes(chunk));
    }
}
