package io.aigw.gateway.translate;

/**
 * Gemini `generateContent` (client) → OpenAI Responses (provider), through chat-completions
 * ({@link GeminiToChatTranslation}, then {@link ChatToResponsesTranslation}; {@link ThroughChat}): what has a slot on
 * both steps survives; stop sequences, penalties and seed do not.
 */
public final class GeminiToResponsesTranslation {

    private GeminiToResponsesTranslation() {
    }

    public static Translation of(byte[] bytes, int length) {
        GeminiToChatTranslation toChat = GeminiToChatTranslation.of(bytes, length);
        return ThroughChat.of(toChat, toChat.chatBody(), field -> switch (field) {
            case "stop" -> "generationConfig.stopSequences";
            case "presence_penalty" -> "generationConfig.presencePenalty";
            case "frequency_penalty" -> "generationConfig.frequencyPenalty";
            case "seed" -> "generationConfig.seed";
            default -> field;
        }, ChatToResponsesTranslation::of);
    }
}
