package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer side of Responses → chat-completions: a `chat.completion` becomes a `response` object (text → a
 * `message` item with `output_text`, `tool_calls` → `function_call` items, `length` → `incomplete`, usage with
 * cached and reasoning tokens). The request's settings are echoed as the Responses API does.
 */
public final class ChatCompletionToResponse {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatCompletionToResponse() {
    }

    static ObjectNode translate(JsonNode chat, JsonNode request) {
        JsonNode choice = chat.path("choices").path(0);
        JsonNode message = choice.path("message");
        String id = chat.path("id").asText("");
        ObjectNode response = skeleton(id, chat.path("model").asText(""), chat.path("created").asLong(0), request);
        ArrayNode output = response.putArray("output");
        String text = message.path("content").isTextual() ? message.get("content").asText() : null;
        if (text != null && !text.isEmpty()) {
            output.add(messageItem(id, text, "completed"));
        } else if (message.path("refusal").isTextual()) {
            ObjectNode item = messageItem(id, "", "completed");
            ((ObjectNode) item.get("content").get(0)).removeAll().put("type", "refusal")
                    .put("refusal", message.get("refusal").asText());
            output.add(item);
        }
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            output.add(functionCall(call.path("id").asText(""), function.path("name").asText(""),
                    function.path("arguments").asText(""), "completed"));
        }
        finish(response, choice.path("finish_reason").asText(null), chat.path("usage"));
        return response;
    }

    /** The `response` object without output: `in_progress`, the request's settings echoed. */
    static ObjectNode skeleton(String chatId, String model, long created, JsonNode request) {
        ObjectNode r = NODES.objectNode().put("id", "resp_" + chatId).put("object", "response")
                .put("created_at", created > 0 ? created : System.currentTimeMillis() / 1000).put("status", "in_progress");
        r.putNull("error");
        r.putNull("incomplete_details");
        r.set("instructions", request.path("instructions").isTextual() ? request.get("instructions") : NODES.nullNode());
        r.set("max_output_tokens", request.path("max_output_tokens").isNumber() ? request.get("max_output_tokens") : NODES.nullNode());
        r.put("model", model);
        r.putArray("output");
        r.put("parallel_tool_calls", request.path("parallel_tool_calls").asBoolean(true));
        r.putNull("previous_response_id");
        r.set("temperature", request.path("temperature").isNumber() ? request.get("temperature") : NODES.numberNode(1.0));
        r.set("tool_choice", request.has("tool_choice") ? request.get("tool_choice") : NODES.textNode("auto"));
        r.set("tools", request.path("tools").isArray() ? request.get("tools") : NODES.arrayNode());
        r.set("top_p", request.path("top_p").isNumber() ? request.get("top_p") : NODES.numberNode(1.0));
        r.putObject("text").putObject("format").put("type", "text");
        if (request.path("text").path("format").isObject()) {
            ((ObjectNode) r.get("text")).set("format", request.get("text").get("format"));
        }
        r.set("metadata", request.path("metadata").isObject() ? request.get("metadata") : NODES.objectNode());
        r.putNull("usage");
        return r;
    }

    /** Sets status, incomplete details and usage from the chat answer's finish reason and usage. */
    static void finish(ObjectNode response, String finishReason, JsonNode usage) {
        if ("length".equals(finishReason) || "content_filter".equals(finishReason)) {
            response.put("status", "incomplete").putObject("incomplete_details")
                    .put("reason", "length".equals(finishReason) ? "max_output_tokens" : "content_filter");
        } else {
            response.put("status", "completed");
        }
        response.set("usage", usage(usage));
    }

    static ObjectNode usage(JsonNode u) {
        long input = u.path("prompt_tokens").asLong(0);
        long output = u.path("completion_tokens").asLong(0);
        ObjectNode out = NODES.objectNode().put("input_tokens", input);
        out.putObject("input_tokens_details").put("cached_tokens", u.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        out.put("output_tokens", output);
        out.putObject("output_tokens_details")
                .put("reasoning_tokens", u.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
        return out.put("total_tokens", u.path("total_tokens").asLong(input + output));
    }

    static ObjectNode messageItem(String chatId, String text, String status) {
        ObjectNode item = NODES.objectNode().put("id", "msg_" + chatId).put("type", "message").put("status", status)
                .put("role", "assistant");
        ObjectNode part = item.putArray("content").addObject().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return item;
    }

    static ObjectNode functionCall(String callId, String name, String arguments, String status) {
        return NODES.objectNode().put("id", "fc_" + callId).put("type", "function_call").put("status", status)
                .put("arguments", arguments).put("call_id", callId).put("name", name);
    }
}
