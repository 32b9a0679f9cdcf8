package io.aigw.gateway.translate;

/**
 * OpenAI Responses (client) → Gemini `generateContent` (provider), through chat-completions
 * ({@link ResponsesToChatTranslation}, then {@link ChatToGeminiTranslation}; {@link ThroughChat}): what has
 * a slot on both steps survives (messages, images, function tools and calls, sampling, JSON output, stop reasons,
 * usage).
 */
public final class ResponsesToGeminiTranslation {

    private ResponsesToGeminiTranslation() {
    }

    public static Translation of(byte[] bytes, int length) {
        ResponsesToChatTranslation toChat = ResponsesToChatTranslation.of(bytes, length);
        return ThroughChat.of(toChat, toChat.chatBody(), field -> field, ChatToGeminiTranslation::of); // the same names on both
    }
}
