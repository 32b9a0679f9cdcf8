package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer side of chat-completions → Gemini: a `GenerateContentResponse` becomes a `chat.completion` (the first
 * candidate's text parts, thoughts left out, and `functionCall` parts → `tool_calls`, a call without an id getting
 * `call_<responseId>_<n>`), `finishReason` → `finish_reason`, `usageMetadata` → `usage` with cached and reasoning
 * tokens. A prompt Gemini blocked (`promptFeedback.blockReason`, no candidate) ends with `content_filter`.
 */
final class GeminiToChatCompletion {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GeminiToChatCompletion() {
    }

    static byte[] translate(byte[] upstream) {
        JsonNode gemini = TranslatedBody.answer(upstream);
        if (gemini == null) {
            return null;
        }
        ObjectNode out = AnthropicToOpenAiTranslator.head(chatId(gemini), "chat.completion",
                gemini.path("modelVersion").asText(""));
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        JsonNode candidate = gemini.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        ArrayNode calls = NODES.arrayNode();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").asText());
            } else if (part.path("functionCall").isObject()) {
                calls.add(toolCall(part.get("functionCall"), gemini, calls.size()));
            }
        }
        if (text.length() > 0 || calls.isEmpty()) {
            message.put("content", text.toString());
        } else {
            message.putNull("content");
        }
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", candidate.isMissingNode() && gemini.path("promptFeedback").has("blockReason")
                ? "content_filter" : finishReason(candidate.path("finishReason").asText(null), !calls.isEmpty()));
        if (gemini.path("usageMetadata").isObject()) {
            out.set("usage", usage(gemini.get("usageMetadata")));
        }
        return AnthropicToOpenAiTranslator.bytes(out);
    }

    static String chatId(JsonNode gemini) {
        return "chatcmpl-" + gemini.path("responseId").asText("gemini");
    }

    /** A `functionCall` as a chat `tool_calls` entry (with `index` for a stream's delta when {@code index} ≥ 0). */
    static ObjectNode toolCall(JsonNode call, JsonNode gemini, int n) {
        String id = call.path("id").isTextual() && !call.get("id").asText().isEmpty() ? call.get("id").asText()
                : "call_" + gemini.path("responseId").asText("gemini") + "_" + n;
        ObjectNode out = NODES.objectNode().put("id", id).put("type", "function");
        out.putObject("function").put("name", call.path("name").asText(""))
                .put("arguments", AnthropicToOpenAiTranslator.json(call.path("args").isObject() ? call.get("args")
                        : NODES.objectNode()));
        return out;
    }

    /** Gemini's `finishReason` as OpenAI's `finish_reason`; a turn that called functions ends with `tool_calls`. */
    static String finishReason(String finishReason, boolean called) {
        if (finishReason == null) {
            return called ? "tool_calls" : "stop";
        }
        return switch (finishReason) {
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> "content_filter";
            default -> called ? "tool_calls" : "stop";
        };
    }

    /** `usageMetadata` as chat `usage`: the prompt count includes cached content; thoughts count as completion. */
    static ObjectNode usage(JsonNode u) {
        long prompt = u.path("promptTokenCount").asLong(0) + u.path("toolUsePromptTokenCount").asLong(0);
        long thoughts = u.path("thoughtsTokenCount").asLong(0);
        long completion = u.path("candidatesTokenCount").asLong(0) + thoughts;
        ObjectNode out = NODES.objectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        out.putObject("prompt_tokens_details").put("cached_tokens", u.path("cachedContentTokenCount").asLong(0));
        out.putObject("completion_tokens_details").put("reasoning_tokens", thoughts);
        return out;
    }
}
