package io.aigw.gateway.translate;

/**
 * Anthropic messages (client) → OpenAI Responses (provider), through chat-completions ({@link MessagesToChatTranslation},
 * then {@link ChatToResponsesTranslation}; {@link ThroughChat}): what has a slot on both steps survives (system
 * prompt, history, images, tools and tool results, max tokens, sampling, stop reasons, usage); `stop_sequences` does
 * not (Responses has no stop sequences).
 */
public final class MessagesToResponsesTranslation {

    private MessagesToResponsesTranslation() {
    }

    public static Translation of(byte[] bytes, int length) {
        MessagesToChatTranslation toChat = MessagesToChatTranslation.of(bytes, length);
        return ThroughChat.of(toChat, toChat.chatBody(), field -> "stop".equals(field) ? "stop_sequences" : field,
                ChatToResponsesTranslation::of);
    }
}
