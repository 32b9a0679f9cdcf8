package io.aigw.gateway.translate;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Set;

/**
 * OpenAI chat-completions (client) → Anthropic messages (provider): the request by {@link OpenAiToAnthropicTranslator},
 * the answer by {@link AnthropicToOpenAiTranslator}, streams by {@link AnthropicStreamTranslator}.
 */
public final class ChatToMessagesTranslation implements Translation {

    /** The chat-completions fields the request translator maps (or consumes, like `stream_options`). */
    static final Set<String> MAPPED = Set.of("model", "models", "messages", "max_tokens", "max_completion_tokens",
            "stop", "temperature", "top_p", "top_k", "tools", "tool_choice", "parallel_tool_calls", "stream",
            "stream_options", "user");

    private final AnthropicRequest request;
    private final List<String> dropped;

    private ChatToMessagesTranslation(AnthropicRequest request, List<String> dropped) {
        this.request = request;
        this.dropped = dropped;
    }

    public static ChatToMessagesTranslation of(byte[] bytes, int length) {
        List<String> dropped = TranslatedBody.unmapped(TranslatedBody.parse(bytes, length), MAPPED);
        return new ChatToMessagesTranslation(OpenAiToAnthropicTranslator.translate(bytes, length), List.copyOf(dropped));
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return request.forModel(upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        return AnthropicToOpenAiTranslator.response(upstream);
    }

    @Override
    public StreamTransform stream(String provider) {
        return new AnthropicStreamTranslator(request.includeUsage(), provider);
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
