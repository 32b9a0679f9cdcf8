package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A client surface → Anthropic messages in two steps through chat-completions: the client's request goes to chat
 * with the client's own chat translation, that chat body to messages with {@link ChatToMessagesTranslation}; answers
 * and streams come back through the same two steps in reverse. What has a slot on both steps survives. The chat
 * fields the second step drops are named in the client's terms.
 */
final class ThroughChatToMessages implements Translation {

    private final Translation toChat;
    private final ChatToMessagesTranslation toMessages;
    private final List<String> dropped;

    /**
     * @param toChat the client surface's translation to chat, {@code chatBody} the request it made
     * @param clientField the client's name of a chat field the second step dropped
     */
    static Translation of(Translation toChat, ObjectNode chatBody, UnaryOperator<String> clientField) {
        byte[] chat = AnthropicToOpenAiTranslator.bytes(chatBody);
        ChatToMessagesTranslation toMessages = ChatToMessagesTranslation.of(chat, chat.length);
        List<String> dropped = new ArrayList<>(toChat.dropped());
        toMessages.dropped().forEach(field -> dropped.add(clientField.apply(field)));
        return new ThroughChatToMessages(toChat, toMessages, List.copyOf(dropped));
    }

    private ThroughChatToMessages(Translation toChat, ChatToMessagesTranslation toMessages, List<String> dropped) {
        this.toChat = toChat;
        this.toMessages = toMessages;
        this.dropped = dropped;
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return toMessages.forModel(upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        byte[] chat = toMessages.response(upstream);
        return chat == null ? null : toChat.response(chat);
    }

    @Override
    public StreamTransform stream(String provider) {
        StreamTransform toChunks = toMessages.stream(provider);
        StreamTransform toClient = toChat.stream(provider);
        return events -> toClient.apply(toChunks.apply(events));
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
