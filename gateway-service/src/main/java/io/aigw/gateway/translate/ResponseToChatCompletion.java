package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer side of chat-completions → Responses: a `response` object becomes a `chat.completion` (`message` items'
 * `output_text` → `content`, `refusal` parts → `refusal`, `function_call` items → `tool_calls`, status `incomplete`
 * → `length` or `content_filter`, usage with cached and reasoning tokens). Reasoning items and hosted-tool calls are
 * left out. {@link ResponseEventsToChatChunks} does the same per event.
 */
public final class ResponseToChatCompletion {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponseToChatCompletion() {
    }

    static ObjectNode translate(JsonNode response) {
        ObjectNode out = head(response, "chat.completion");
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        StringBuilder text = null;
        StringBuilder refusal = null;
        ArrayNode calls = NODES.arrayNode();
        for (JsonNode item : response.path("output")) {
            switch (item.path("type").asText()) {
                case "message" -> {
                    for (JsonNode part : item.path("content")) {
                        if ("output_text".equals(part.path("type").asText())) {
                            text = (text == null ? new StringBuilder() : text).append(part.path("text").asText(""));
                        } else if ("refusal".equals(part.path("type").asText())) {
                            refusal = (refusal == null ? new StringBuilder() : refusal).append(part.path("refusal").asText(""));
                        }
                    }
                }
                case "function_call" -> calls.add(toolCall(item, null));
                default -> {
                    // reasoning and hosted-tool items have no chat slot
                }
            }
        }
        message.set("content", text == null ? NODES.nullNode() : NODES.textNode(text.toString()));
        message.set("refusal", refusal == null ? NODES.nullNode() : NODES.textNode(refusal.toString()));
        if (!calls.isEmpty()) {
            message.set("tool_calls", calls);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(response, !calls.isEmpty()));
        if (response.path("usage").isObject()) {
            out.set("usage", usage(response.get("usage")));
        }
        return out;
    }

    /** `id`, `object`, `created` (the response's `created_at`) and `model`. */
    static ObjectNode head(JsonNode response, String object) {
        long created = response.path("created_at").asLong(0);
        return NODES.objectNode().put("id", response.path("id").asText("")).put("object", object)
                .put("created", created > 0 ? created : System.currentTimeMillis() / 1000)
                .put("model", response.path("model").asText(""));
    }

    /** A `function_call` item as a chat tool call, with {@code index} when it is a stream delta. */
    static ObjectNode toolCall(JsonNode item, Integer index) {
        ObjectNode call = NODES.objectNode();
        if (index != null) {
            call.put("index", index);
        }
        call.put("id", item.path("call_id").asText("")).put("type", "function").putObject("function")
                .put("name", item.path("name").asText("")).put("arguments", item.path("arguments").asText(""));
        return call;
    }

    /** `incomplete` → `length` (or `content_filter`); a completed turn with calls → `tool_calls`; else `stop`. */
    static String finishReason(JsonNode response, boolean calledTools) {
        if ("incomplete".equals(response.path("status").asText())) {
            return "content_filter".equals(response.path("incomplete_details").path("reason").asText())
                    ? "content_filter" : "length";
        }
        return calledTools ? "tool_calls" : "stop";
    }

    static ObjectNode usage(JsonNode u) {
        long input = u.path("input_tokens").asLong(0);
        long output = u.path("output_tokens").asLong(0);
        ObjectNode out = NODES.objectNode().put("prompt_tokens", input).put("completion_tokens", output)
                .put("total_tokens", u.path("total_tokens").asLong(input + output));
        out.putObject("prompt_tokens_details")
                .put("cached_tokens", u.path("input_tokens_details").path("cached_tokens").asLong(0));
        out.putObject("completion_tokens_details")
                .put("reasoning_tokens", u.path("output_tokens_details").path("reasoning_tokens").asLong(0));
        return out;
    }
}
