package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenAI Responses (client) → Anthropic messages (provider), through chat-completions: the request is translated
 * by {@link ResponsesToChatTranslation} and then {@link OpenAiToAnthropicTranslator}; answers and streams come
 * back through {@link AnthropicToOpenAiTranslator} / {@link AnthropicStreamTranslator} and then
 * {@link ChatCompletionToResponse} / {@link ChatChunksToResponseEvents}. What has a slot on both steps survives
 * (messages, images, function tools and calls, sampling, stop reasons, usage); `text.format` does not.
 */
public final class ResponsesToMessagesTranslation implements Translation {

    private final ResponsesToChatTranslation toChat;
    private final ChatToMessagesTranslation toMessages;
    private final List<String> dropped;

    private ResponsesToMessagesTranslation(ResponsesToChatTranslation toChat, ChatToMessagesTranslation toMessages,
            List<String> dropped) {
        this.toChat = toChat;
        this.toMessages = toMessages;
        this.dropped = dropped;
    }

    public static ResponsesToMessagesTranslation of(byte[] bytes, int length) {
        ResponsesToChatTranslation toChat = ResponsesToChatTranslation.of(bytes, length);
        byte[] chat = AnthropicToOpenAiTranslator.bytes(toChat.chatBody());
        ChatToMessagesTranslation toMessages = ChatToMessagesTranslation.of(chat, chat.length);
        List<String> dropped = new ArrayList<>(toChat.dropped());
        for (String field : toMessages.dropped()) {
            dropped.add("response_format".equals(field) ? "text.format" : field);
        }
        return new ResponsesToMessagesTranslation(toChat, toMessages, List.copyOf(dropped));
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return toMessages.forModel(upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        byte[] chat = toMessages.response(upstream);
        JsonNode completion = chat == null ? null : TranslatedBody.answer(chat);
        return completion == null ? null
                : AnthropicToOpenAiTranslator.bytes(ChatCompletionToResponse.translate(completion, toChat.request()));
    }

    @Override
    public StreamTransform stream(String provider) {
        StreamTransform toChunks = toMessages.stream(provider);
        StreamTransform toEvents = toChat.stream(provider);
        return events -> toEvents.apply(toChunks.apply(events));
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
