package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/** A client surface → Anthropic messages through chat-completions: {@link ThroughChat} with {@link ChatToMessagesTranslation}. */
final class ThroughChatToMessages {

    private ThroughChatToMessages() {
    }

    /**
     * @param toChat the client surface's translation to chat, {@code chatBody} the request it made
     * @param clientField the client's name of a chat field the second step dropped
     */
    static Translation of(Translation toChat, ObjectNode chatBody, UnaryOperator<String> clientField) {
        return ThroughChat.of(toChat, chatBody, clientField, ChatToMessagesTranslation::of);
    }
}
