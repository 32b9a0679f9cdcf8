package io.aigw.gateway.translate;

/**
 * Anthropic messages (client) → Gemini `generateContent` (provider), through chat-completions
 * ({@link MessagesToChatTranslation}, then {@link ChatToGeminiTranslation}; {@link ThroughChat}): system
 * prompt, history, images, tools, tool choice, tool calls and results, stop sequences, max tokens, sampling, stop
 * reasons and usage survive; what the first step drops (thinking, `top_k`, …) does not.
 */
public final class MessagesToGeminiTranslation {

    private MessagesToGeminiTranslation() {
    }

    public static Translation of(byte[] bytes, int length) {
        MessagesToChatTranslation toChat = MessagesToChatTranslation.of(bytes, length);
        return ThroughChat.of(toChat, toChat.chatBody(), field -> "user".equals(field) ? "metadata.user_id" : field,
                ChatToGeminiTranslation::of);
    }
}
