package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A client surface → Gemini `generateContent` in two steps through chat-completions: the client's request goes to chat
 * with the client's own chat translation, that chat body to Gemini with {@link ChatToGeminiTranslation}; answers and
 * streams come back through the same two steps in reverse. What has a slot on both steps survives. The chat fields
 * the second step drops are named in the client's terms. (The twin of {@link ThroughChatToMessages}.)
 */
final class ThroughChatToGemini implements Translation {

    private final Translation toChat;
    private final ChatToGeminiTranslation toGemini;
    private final List<String> dropped;

    static Translation of(Translation toChat, ObjectNode chatBody, UnaryOperator<String> clientField) {
        byte[] chat = AnthropicToOpenAiTranslator.bytes(chatBody);
        ChatToGeminiTranslation toGemini = ChatToGeminiTranslation.of(chat, chat.length);
        List<String> dropped = new ArrayList<>(toChat.dropped());
        toGemini.dropped().forEach(field -> dropped.add(clientField.apply(field)));
        return new ThroughChatToGemini(toChat, toGemini, List.copyOf(dropped));
    }

    private ThroughChatToGemini(Translation toChat, ChatToGeminiTranslation toGemini, List<String> dropped) {
        this.toChat = toChat;
        this.toGemini = toGemini;
        this.dropped = dropped;
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return toGemini.forModel(upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        byte[] chat = toGemini.response(upstream);
        return chat == null ? null : toChat.response(chat);
    }

    @Override
    public StreamTransform stream(String provider) {
        StreamTransform toChunks = toGemini.stream(provider);
        StreamTransform toClient = toChat.stream(provider);
        return events -> toClient.apply(toChunks.apply(events));
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
