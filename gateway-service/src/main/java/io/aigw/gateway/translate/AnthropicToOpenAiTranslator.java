package io.aigw.gateway.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The response side of chat-completions → Anthropic messages: a `message` becomes a `chat.completion`
 * (text → `content`, `tool_use` blocks → `tool_calls`, `stop_reason` → `finish_reason`, usage → prompt and
 * completion tokens). Thinking blocks are left out. {@link AnthropicStreamTranslator} does the same per event.
 */
public final class AnthropicToOpenAiTranslator {

    private static final ObjectMapper MAPPER = OpenAiToAnthropicTranslator.MAPPER;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnthropicToOpenAiTranslator() {
    }

    /** The `chat.completion` for an Anthropic `message` body; null when the body is not one. */
    public static byte[] response(byte[] message) {
        JsonNode in;
        try {
            in = MAPPER.readTree(message);
        } catch (IOException e) {
            return null;
        }
        if (in == null || !in.isObject()) {
            return null;
        }
        ObjectNode out = head(in.path("id").asText(""), "chat.completion", in.path("model").asText(""));
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        ObjectNode reply = choice.putObject("message").put("role", "assistant");
        StringBuilder text = null;
        ArrayNode calls = null;
        for (JsonNode block : in.path("content")) {
            String type = block.path("type").asText();
            if ("text".equals(type)) {
                text = (text == null ? new StringBuilder() : text).append(block.path("text").asText(""));
            } else if ("tool_use".equals(type)) {
                if (calls == null) {
                    calls = NODES.arrayNode();
                }
                calls.addObject().put("id", block.path("id").asText("")).put("type", "function")
                        .putObject("function").put("name", block.path("name").asText(""))
                        .put("arguments", json(block.path("input").isMissingNode() ? NODES.objectNode() : block.get("input")));
            }
        }
        if (text == null) {
            reply.putNull("content");
        } else {
            reply.put("content", text.toString());
        }
        if (calls != null) {
            reply.set("tool_calls", calls);
        }
        reply.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(in.path("stop_reason").asText(null)));
        if (in.path("usage").isObject()) {
            out.set("usage", usage(in.get("usage"), 0, 0));
        }
        return bytes(out);
    }

    /** Anthropic's `stop_reason` as OpenAI's `finish_reason`. */
    public static String finishReason(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn
        };
    }

    /**
     * OpenAI's usage from Anthropic's: prompt tokens are the input including cache reads and writes (OpenAI
     * counts cached tokens inside `prompt_tokens`). {@code input}/{@code cached} fill in what a stream's
     * `message_delta` does not repeat.
     */
    static ObjectNode usage(JsonNode u, long input, long cached) {
        long cacheRead = u.has("cache_read_input_tokens") ? u.path("cache_read_input_tokens").asLong(0) : cached;
        long prompt = (u.has("input_tokens") ? u.path("input_tokens").asLong(0) : input)
                + u.path("cache_creation_input_tokens").asLong(0) + cacheRead;
        long completion = u.path("output_tokens").asLong(0);
        ObjectNode out = NODES.objectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        out.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        return out;
    }

    static ObjectNode head(String id, String object, String model) {
        return NODES.objectNode().put("id", id).put("object", object).put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
    }

    static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
