package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A client surface → a provider surface in two steps through chat-completions: the client's request goes to chat
 * with the client's own chat translation, that chat body on with chat's translation to the provider surface
 * ({@link ChatToMessagesTranslation}, {@link ChatToResponsesTranslation}, {@link ChatToGeminiTranslation}); answers and streams come back through the
 * same two steps in reverse. What has a slot on both steps survives. The chat fields the second step drops are named
 * in the client's terms.
 */
final class ThroughChat implements Translation {

    /** Chat's translation to the provider surface, from a chat body's bytes. */
    interface FromChat {
        Translation of(byte[] chat, int length);
    }

    private final Translation toChat;
    private final Translation toProvider;
    private final List<String> dropped;

    /**
     * @param toChat the client surface's translation to chat, {@code chatBody} the request it made
     * @param clientField the client's name of a chat field the second step dropped
     */
    static Translation of(Translation toChat, ObjectNode chatBody, UnaryOperator<String> clientField, FromChat next) {
        byte[] chat = AnthropicToOpenAiTranslator.bytes(chatBody);
        Translation toProvider = next.of(chat, chat.length);
        List<String> dropped = new ArrayList<>(toChat.dropped());
        toProvider.dropped().forEach(field -> dropped.add(clientField.apply(field)));
        return new ThroughChat(toChat, toProvider, List.copyOf(dropped));
    }

    private ThroughChat(Translation toChat, Translation toProvider, List<String> dropped) {
        this.toChat = toChat;
        this.toProvider = toProvider;
        this.dropped = dropped;
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return toProvider.forModel(upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        byte[] chat = toProvider.response(upstream);
        return chat == null ? null : toChat.response(chat);
    }

    @Override
    public StreamTransform stream(String provider) {
        return new Stream(toProvider.stream(provider), toChat.stream(provider));
    }

    /**
     * The provider's events to chat chunks, those to the client's events. At the upstream's end the first step's
     * closing chunks (a cut Gemini stream's error, a missing `[DONE]`) go through the second step, then the second
     * step's own end.
     */
    private record Stream(StreamTransform toChunks, StreamTransform toClient) implements StreamTransform {

        @Override
        public Buffer apply(Buffer events) {
            return toClient.apply(toChunks.apply(events));
        }

        @Override
        public Buffer finish() {
            Buffer chunks = toChunks.finish();
            Buffer out = chunks == null ? Buffer.buffer() : toClient.apply(chunks);
            Buffer end = toClient.finish();
            if (end != null) {
                out.appendBuffer(end);
            }
            return out.length() == 0 ? null : out;
        }

        @Override
        public Buffer close() {
            return toClient.close();
        }

        @Override
        public Buffer failed(Buffer errorEvent) { // framed for the client already: only the second step sees it
            return toClient.failed(errorEvent);
        }
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
