package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gemini `generateContent` (client) → Anthropic messages (provider), through chat-completions, as
 * {@link ResponsesToMessagesTranslation} does for Responses: what has a slot on both steps survives; penalties,
 * seed and JSON output do not.
 */
public final class GeminiToMessagesTranslation implements Translation {

    private final GeminiToChatTranslation toChat;
    private final ChatToMessagesTranslation toMessages;
    private final List<String> dropped;

    private GeminiToMessagesTranslation(GeminiToChatTranslation toChat, ChatToMessagesTranslation toMessages, List<String> dropped) {
        this.toChat = toChat;
        this.toMessages = toMessages;
        this.dropped = dropped;
    }

    public static GeminiToMessagesTranslation of(byte[] bytes, int length) {
        GeminiToChatTranslation toChat = GeminiToChatTranslation.of(bytes, length);
        byte[] chat = AnthropicToOpenAiTranslator.bytes(toChat.chatBody());
        ChatToMessagesTranslation toMessages = ChatToMessagesTranslation.of(chat, chat.length);
        List<String> dropped = new ArrayList<>(toChat.dropped());
        for (String field : toMessages.dropped()) {
            dropped.add(switch (field) {
                case "response_format" -> "generationConfig.responseSchema";
                case "presence_penalty" -> "generationConfig.presencePenalty";
                case "frequency_penalty" -> "generationConfig.frequencyPenalty";
                case "seed" -> "generationConfig.seed";
                default -> field;
            });
        }
        return new GeminiToMessagesTranslation(toChat, toMessages, List.copyOf(dropped));
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return toMessages.forModel(upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        byte[] chat = toMessages.response(upstream);
        JsonNode completion = chat == null ? null : TranslatedBody.answer(chat);
        return completion == null ? null : AnthropicToOpenAiTranslator.bytes(ChatCompletionToGemini.translate(completion));
    }

    @Override
    public StreamTransform stream(String provider) {
        StreamTransform toChunks = toMessages.stream(provider);
        StreamTransform toGemini = toChat.stream(provider);
        return events -> toGemini.apply(toChunks.apply(events));
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
