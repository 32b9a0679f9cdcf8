package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The answer side of Anthropic messages → chat-completions: a `chat.completion` becomes a `message` (content →
 * a text block, a refusal → a text block, `tool_calls` → `tool_use` blocks, `finish_reason` → `stop_reason`,
 * usage with cached tokens split out as `cache_read_input_tokens`).
 */
public final class ChatCompletionToMessage {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatCompletionToMessage() {
    }

    /** The `message` for a `chat.completion` body; null when the body is not one. */
    public static byte[] translate(byte[] completion) {
        JsonNode in = TranslatedBody.answer(completion);
        if (in == null) {
            return null;
        }
        JsonNode choice = in.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode out = NODES.objectNode().put("id", messageId(in.path("id").asText(""))).put("type", "message")
                .put("role", "assistant").put("model", in.path("model").asText(""));
        ArrayNode content = out.putArray("content");
        String text = message.path("content").isTextual() ? message.get("content").asText()
                : message.path("refusal").isTextual() ? message.get("refusal").asText() : "";
        if (!text.isEmpty()) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            content.addObject().put("type", "tool_use").put("id", call.path("id").asText(""))
                    .put("name", function.path("name").asText("")).set("input", arguments(function.path("arguments")));
        }
        out.put("stop_reason", stopReason(choice.path("finish_reason").asText(null)));
        out.putNull("stop_sequence");
        out.set("usage", usage(in.path("usage")));
        return AnthropicToOpenAiTranslator.bytes(out);
    }

    /** `msg_…` from a chat id (the Anthropic SDKs do not check the prefix; clients that log ids see the source). */
    static String messageId(String chatId) {
        return chatId.startsWith("msg_") ? chatId : "msg_" + chatId;
    }

    /** A tool call's arguments string as the `input` object (`{}` when it is not a JSON object). */
    static JsonNode arguments(JsonNode arguments) {
        if (arguments.isObject()) {
            return arguments;
        }
        try {
            JsonNode parsed = OpenAiToAnthropicTranslator.MAPPER.readTree(arguments.asText(""));
            return parsed != null && parsed.isObject() ? parsed : NODES.objectNode();
        } catch (IOException e) {
            return NODES.objectNode();
        }
    }

    /** OpenAI's `finish_reason` as Anthropic's `stop_reason`. */
    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }

    /** Anthropic usage: input excludes the cached part, which is reported as cache reads. */
    static ObjectNode usage(JsonNode u) {
        long prompt = u.path("prompt_tokens").asLong(0);
        long cached = u.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        ObjectNode out = NODES.objectNode().put("input_tokens", Math.max(0, prompt - cached))
                .put("output_tokens", u.path("completion_tokens").asLong(0));
        out.put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", cached);
        return out;
    }
}
