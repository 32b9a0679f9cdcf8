package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.GatewayException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Gemini `contents` as chat messages: `user` parts (text, `inlineData` images as data URLs, `fileData` images as
 * URLs) → a user message; `model` parts (text, `functionCall`) → an assistant message with `tool_calls`;
 * `functionResponse` parts → `tool` messages. Calls without an `id` get `call_<n>`, and a response without one is
 * matched to the oldest unanswered call of its name. Both camelCase and snake_case field names are read.
 */
final class GeminiContents {

    private final ArrayNode messages;
    private final Map<String, Deque<String>> open = new HashMap<>();
    private int calls;

    GeminiContents(ArrayNode messages) {
        this.messages = messages;
    }

    void addAll(JsonNode contents) {
        for (JsonNode content : contents) {
            boolean model = "model".equals(content.path("role").asText("user"));
            ObjectNode message = null;
            StringBuilder text = new StringBuilder();
            ArrayNode parts = messages.arrayNode();
            for (JsonNode part : content.path("parts")) {
                if (part.has("text")) {
                    if (model) {
                        text.append(part.path("text").asText(""));
                    } else {
                        parts.addObject().put("type", "text").put("text", part.path("text").asText(""));
                    }
                } else if (part.has("functionCall") || part.has("function_call")) {
                    JsonNode call = field(part, "functionCall", "function_call");
                    String id = call.path("id").isTextual() ? call.get("id").asText() : "call_" + calls++;
                    open.computeIfAbsent(call.path("name").asText(""), n -> new ArrayDeque<>()).add(id);
                    message = message != null ? message : messages.objectNode().put("role", "assistant");
                    message.withArray("tool_calls").addObject().put("id", id).put("type", "function")
                            .putObject("function").put("name", call.path("name").asText(""))
                            .put("arguments", AnthropicToOpenAiTranslator.json(call.path("args").isObject()
                                    ? call.get("args") : messages.objectNode()));
                } else if (part.has("functionResponse") || part.has("function_response")) {
                    JsonNode response = field(part, "functionResponse", "function_response");
                    Deque<String> ids = open.get(response.path("name").asText(""));
                    String id = response.path("id").isTextual() ? response.get("id").asText()
                            : ids == null || ids.isEmpty() ? "call_" + calls++ : ids.poll();
                    messages.addObject().put("role", "tool").put("tool_call_id", id)
                            .put("content", AnthropicToOpenAiTranslator.json(response.path("response")));
                } else if (part.has("inlineData") || part.has("inline_data")) {
                    JsonNode data = field(part, "inlineData", "inline_data");
                    parts.add(image("data:" + field(data, "mimeType", "mime_type").asText() + ";base64,"
                            + data.path("data").asText(""), field(data, "mimeType", "mime_type").asText()));
                } else if (part.has("fileData") || part.has("file_data")) {
                    JsonNode data = field(part, "fileData", "file_data");
                    parts.add(image(field(data, "fileUri", "file_uri").asText(""), field(data, "mimeType", "mime_type").asText()));
                } else if (!part.has("thought") && !part.has("thoughtSignature")) {
                    throw untranslatable("a part with " + part.fieldNames().next());
                }
            }
            if (model) {
                message = message != null ? message : messages.objectNode().put("role", "assistant");
                message.put("content", text.toString());
                messages.add(message);
            } else if (!parts.isEmpty()) {
                messages.addObject().put("role", "user").set("content", parts);
            }
        }
    }

    private ObjectNode image(String url, String mimeType) {
        if (!mimeType.startsWith("image/")) {
            throw untranslatable("\"" + mimeType + "\" data (only images have a chat slot)");
        }
        ObjectNode part = messages.objectNode().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    /** The text of `parts`. */
    static String text(JsonNode parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(p -> text.append(p.path("text").asText("")));
        return text.toString();
    }

    /** A field read by its camelCase or snake_case name. */
    static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.get(camel);
        return value != null ? value : node.path(snake);
    }

    static GatewayException untranslatable(String what) {
        return OpenAiToAnthropicTranslator.invalid("The request cannot be translated from google/generate-content: "
                + what + ".", "contents");
    }
}
