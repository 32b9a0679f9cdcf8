package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer side of Gemini → chat-completions: a `chat.completion` becomes a `GenerateContentResponse` (text and
 * `functionCall` parts of one candidate, `finish_reason` → `finishReason`, usage → `usageMetadata` with cached and
 * thoughts tokens).
 */
public final class ChatCompletionToGemini {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatCompletionToGemini() {
    }

    static ObjectNode translate(JsonNode chat) {
        JsonNode choice = chat.path("choices").path(0);
        JsonNode message = choice.path("message");
        ObjectNode out = NODES.objectNode();
        ObjectNode candidate = out.putArray("candidates").addObject();
        ArrayNode parts = candidate.putObject("content").put("role", "model").putArray("parts");
        String text = message.path("content").isTextual() ? message.get("content").asText()
                : message.path("refusal").isTextual() ? message.get("refusal").asText() : "";
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            parts.add(functionCall(call.path("id").asText(""), call.path("function").path("name").asText(""),
                    call.path("function").path("arguments")));
        }
        candidate.put("finishReason", finishReason(choice.path("finish_reason").asText(null)));
        candidate.put("index", 0);
        if (chat.path("usage").isObject()) {
            out.set("usageMetadata", usage(chat.get("usage")));
        }
        out.put("modelVersion", chat.path("model").asText(""));
        out.put("responseId", chat.path("id").asText(""));
        return out;
    }

    static ObjectNode functionCall(String id, String name, JsonNode arguments) {
        ObjectNode part = NODES.objectNode();
        part.putObject("functionCall").put("id", id).put("name", name).set("args", ChatCompletionToMessage.arguments(arguments));
        return part;
    }

    /** OpenAI's `finish_reason` as Gemini's `finishReason` (a function call ends with `STOP`, as Gemini does). */
    static String finishReason(String finishReason) {
        if (finishReason == null) {
            return "STOP";
        }
        return switch (finishReason) {
            case "length" -> "MAX_TOKENS";
            case "content_filter" -> "SAFETY";
            default -> "STOP";
        };
    }

    static ObjectNode usage(JsonNode u) {
        long prompt = u.path("prompt_tokens").asLong(0);
        long completion = u.path("completion_tokens").asLong(0);
        long reasoning = u.path("completion_tokens_details").path("reasoning_tokens").asLong(0);
        ObjectNode out = NODES.objectNode().put("promptTokenCount", prompt)
                .put("candidatesTokenCount", completion - reasoning).put("totalTokenCount", prompt + completion);
        long cached = u.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        if (cached > 0) {
            out.put("cachedContentTokenCount", cached);
        }
        if (reasoning > 0) {
            out.put("thoughtsTokenCount", reasoning);
        }
        return out;
    }
}
