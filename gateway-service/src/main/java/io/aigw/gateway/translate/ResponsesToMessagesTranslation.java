package io.aigw.gateway.translate;

/**
 * OpenAI Responses (client) → Anthropic messages (provider), through chat-completions: the request is translated
 * by {@link ResponsesToChatTranslation} and then {@link ChatToMessagesTranslation}; answers and streams come back
 * through {@link AnthropicToOpenAiTranslator} / {@link AnthropicStreamTranslator} and then
 * {@link ChatCompletionToResponse} / {@link ChatChunksToResponseEvents} ({@link ThroughChatToMessages}). What has a
 * slot on both steps survives (messages, images, function tools and calls, sampling, stop reasons, usage);
 * `text.format` does not.
 */
public final class ResponsesToMessagesTranslation {

    private ResponsesToMessagesTranslation() {
    }

    public static Translation of(byte[] bytes, int length) {
        ResponsesToChatTranslation toChat = ResponsesToChatTranslation.of(bytes, length);
        return ThroughChatToMessages.of(toChat, toChat.chatBody(),
                field -> "response_format".equals(field) ? "text.format" : field);
    }
}
