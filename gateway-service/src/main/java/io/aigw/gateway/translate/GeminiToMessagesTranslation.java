package io.aigw.gateway.translate;

/**
 * Gemini `generateContent` (client) → Anthropic messages (provider), through chat-completions
 * ({@link GeminiToChatTranslation}, then {@link ChatToMessagesTranslation}; {@link ThroughChatToMessages}): what has
 * a slot on both steps survives; penalties, seed and JSON output do not.
 */
public final class GeminiToMessagesTranslation {

    private GeminiToMessagesTranslation() {
    }

    public static Translation of(byte[] bytes, int length) {
        GeminiToChatTranslation toChat = GeminiToChatTranslation.of(bytes, length);
        return ThroughChatToMessages.of(toChat, toChat.chatBody(), field -> switch (field) {
            case "response_format" -> "generationConfig.responseSchema";
            case "presence_penalty" -> "generationConfig.presencePenalty";
            case "frequency_penalty" -> "generationConfig.frequencyPenalty";
            case "seed" -> "generationConfig.seed";
            default -> field;
        });
    }
}
