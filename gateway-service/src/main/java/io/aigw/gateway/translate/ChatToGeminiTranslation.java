package io.aigw.gateway.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI chat-completions (client) → Gemini `generateContent` (provider): the request by {@link ChatToGeminiRequest},
 * the answer by {@link GeminiToChatCompletion}, streams by {@link GeminiChunksToChatChunks}. The model goes in the
 * URL, not the body (the gateway's upstream client puts it there), and so does streaming.
 */
public final class ChatToGeminiTranslation implements Translation {

    /** The chat-completions fields the request translator maps (or consumes, like `stream_options`). */
    static final Set<String> MAPPED = Set.of("model", "models", "messages", "max_tokens", "max_completion_tokens",
            "stop", "temperature", "top_p", "top_k", "tools", "tool_choice", "parallel_tool_calls", "stream",
            "stream_options", "presence_penalty", "frequency_penalty", "seed", "response_format", "reasoning_effort", "n");
    /** Where a model's unsupported chat parameter sits in `generationConfig`. */
    private static final Map<String, String> CONFIG_NAMES = Map.of("temperature", "temperature", "top_p", "topP",
            "top_k", "topK", "presence_penalty", "presencePenalty", "frequency_penalty", "frequencyPenalty", "seed", "seed",
            "max_tokens", "maxOutputTokens", "stop", "stopSequences", "reasoning_effort", "thinkingConfig");

    private final ObjectNode body;
    private final boolean includeUsage;
    private final List<String> dropped;

    private ChatToGeminiTranslation(ObjectNode body, boolean includeUsage, List<String> dropped) {
        this.body = body;
        this.includeUsage = includeUsage;
        this.dropped = dropped;
    }

    public static ChatToGeminiTranslation of(byte[] bytes, int length) {
        ObjectNode in = TranslatedBody.parse(bytes, length);
        List<String> dropped = new ArrayList<>(TranslatedBody.unmapped(in, MAPPED));
        ObjectNode out = ChatToGeminiRequest.translate(in, dropped);
        return new ChatToGeminiTranslation(out, in.path("stream_options").path("include_usage").asBoolean(false),
                List.copyOf(dropped));
    }

    /** The body without `model`: Gemini names the model in the URL; {@code strip} named as chat names them. */
    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        ObjectNode copy = body;
        if (!strip.isEmpty()) {
            copy = body.deepCopy();
            JsonNode config = copy.path("generationConfig");
            for (String name : strip) {
                if (config instanceof ObjectNode c && CONFIG_NAMES.containsKey(name)) {
                    c.remove(CONFIG_NAMES.get(name));
                }
                if ("tools".equals(name) || "tool_choice".equals(name)) {
                    copy.remove("tools".equals(name) ? List.of("tools", "toolConfig") : List.of("toolConfig"));
                }
            }
        }
        try {
            return Buffer.buffer(OpenAiToAnthropicTranslator.MAPPER.writeValueAsBytes(copy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] response(byte[] upstream) {
        return GeminiToChatCompletion.translate(upstream);
    }

    @Override
    public StreamTransform stream(String provider) {
        return new GeminiChunksToChatChunks(includeUsage, provider);
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
