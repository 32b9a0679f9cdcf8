package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.GatewayException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request side of chat-completions → Gemini: system and developer messages → `systemInstruction`; user
 * messages → `user` contents (text, images as `inlineData` from data URLs or `fileData` from URLs, audio as
 * `inlineData`); assistant messages → `model` contents (text and `functionCall` parts with their ids); consecutive
 * `tool` messages → one `user` content of `functionResponse` parts (parallel calls answered together), named after the
 * call they answer; tools and tool choice by {@link ChatToGeminiTools}; sampling, stop sequences, max tokens, penalties, seed, JSON output and
 * `reasoning_effort` → `generationConfig`.
 */
final class ChatToGeminiRequest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChatToGeminiRequest() {
    }

    /** The Gemini body for {@code in}; fields with no slot are added to {@code dropped}. */
    static ObjectNode translate(JsonNode in, List<String> dropped) {
        ObjectNode out = NODES.objectNode();
        JsonNode messages = in.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw OpenAiToAnthropicTranslator.invalid("\"messages\" must be a non-empty array.", "messages");
        }
        StringBuilder system = new StringBuilder();
        ArrayNode contents = out.putArray("contents");
        Map<String, String> callNames = new HashMap<>();
        ArrayNode results = null; // the functionResponse parts of consecutive tool messages
        for (JsonNode message : messages) {
            String role = message.path("role").asText("user");
            if (!"tool".equals(role)) {
                results = null;
            }
            switch (role) {
                case "system", "developer" -> system.append(system.isEmpty() ? "" : "\n\n").append(text(message.get("content")));
                case "assistant" -> assistant(message, contents, callNames);
                case "tool" -> {
                    if (results == null) {
                        results = contents.addObject().put("role", "user").putArray("parts");
                    }
                    String id = message.path("tool_call_id").asText("");
                    ObjectNode response = results.addObject().putObject("functionResponse");
                    response.put("id", id).put("name", callNames.getOrDefault(id, message.path("name").asText("")));
                    response.set("response", result(message.get("content")));
                }
                default -> user(message.get("content"), contents.addObject().put("role", "user").putArray("parts"));
            }
        }
        if (!system.isEmpty()) {
            out.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
        }
        ChatToGeminiTools.tools(in, out, dropped);
        ObjectNode config = config(in, dropped);
        if (!config.isEmpty()) {
            out.set("generationConfig", config);
        }
        return out;
    }

    private static void assistant(JsonNode message, ArrayNode contents, Map<String, String> callNames) {
        ArrayNode parts = NODES.arrayNode();
        String text = text(message.get("content"));
        if (!text.isEmpty()) {
            parts.addObject().put("text", text);
        }
        for (JsonNode call : message.path("tool_calls")) {
            String id = call.path("id").asText("");
            String name = call.path("function").path("name").asText("");
            callNames.put(id, name);
            ObjectNode functionCall = parts.addObject().putObject("functionCall");
            if (!id.isEmpty()) {
                functionCall.put("id", id);
            }
            functionCall.put("name", name).set("args", ChatCompletionToMessage.arguments(call.path("function").path("arguments")));
        }
        if (!parts.isEmpty()) {
            contents.addObject().put("role", "model").set("parts", parts);
        }
    }

    private static void user(JsonNode content, ArrayNode parts) {
        if (content == null || content.isNull()) {
            parts.addObject().put("text", "");
        } else if (content.isTextual()) {
            parts.addObject().put("text", content.asText());
        } else {
            for (JsonNode part : content) {
                switch (part.path("type").asText()) {
                    case "text" -> parts.addObject().put("text", part.path("text").asText(""));
                    case "image_url" -> parts.add(image(part.path("image_url").isTextual() ? part.get("image_url").asText()
                            : part.path("image_url").path("url").asText("")));
                    case "input_audio" -> parts.addObject().putObject("inlineData")
                            .put("mimeType", "audio/" + part.path("input_audio").path("format").asText("wav"))
                            .put("data", part.path("input_audio").path("data").asText(""));
                    default -> throw untranslatable("a \"" + part.path("type").asText() + "\" content part");
                }
            }
        }
    }

    /** A data URL → `inlineData`; any other URL → `fileData` with the type its extension suggests. */
    private static ObjectNode image(String url) {
        ObjectNode part = NODES.objectNode();
        if (url.startsWith("data:")) {
            int semicolon = url.indexOf(';');
            int comma = url.indexOf(',');
            if (semicolon < 0 || comma < semicolon) {
                throw untranslatable("an image data URL that is not base64");
            }
            part.putObject("inlineData").put("mimeType", url.substring(5, semicolon)).put("data", url.substring(comma + 1));
            return part;
        }
        String path = url.toLowerCase(java.util.Locale.ROOT).replaceAll("[?#].*$", "");
        String type = path.endsWith(".png") ? "image/png" : path.endsWith(".webp") ? "image/webp"
                : path.endsWith(".gif") ? "image/gif" : "image/jpeg";
        part.putObject("fileData").put("mimeType", type).put("fileUri", url);
        return part;
    }

    /** A tool result as the object Gemini's `functionResponse.response` needs: a JSON object as is, else `{"output": …}`. */
    private static JsonNode result(JsonNode content) {
        String text = text(content);
        try {
            JsonNode parsed = OpenAiToAnthropicTranslator.MAPPER.readTree(text);
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        } catch (java.io.IOException e) {
            // not JSON: wrapped below
        }
        return NODES.objectNode().put("output", text);
    }

    private static ObjectNode config(JsonNode in, List<String> dropped) {
        ObjectNode config = NODES.objectNode();
        JsonNode max = in.path("max_completion_tokens").canConvertToInt() ? in.get("max_completion_tokens") : in.path("max_tokens");
        if (max.canConvertToInt()) {
            config.put("maxOutputTokens", max.asInt());
        }
        JsonNode stop = in.path("stop");
        if (stop.isTextual()) {
            config.putArray("stopSequences").add(stop.asText());
        } else if (stop.isArray() && !stop.isEmpty()) {
            config.set("stopSequences", stop);
        }
        copy(in, config, "temperature", "temperature");
        copy(in, config, "top_p", "topP");
        copy(in, config, "top_k", "topK");
        copy(in, config, "presence_penalty", "presencePenalty");
        copy(in, config, "frequency_penalty", "frequencyPenalty");
        copy(in, config, "seed", "seed");
        if (in.path("n").asInt(1) > 1) {
            dropped.add("n"); // one candidate is read back
        }
        JsonNode format = in.path("response_format");
        switch (format.path("type").asText("")) {
            case "json_object" -> config.put("responseMimeType", "application/json");
            case "json_schema" -> {
                config.put("responseMimeType", "application/json");
                if (format.path("json_schema").path("schema").isObject()) {
                    config.set("responseJsonSchema", format.get("json_schema").get("schema"));
                }
            }
            default -> {
            }
        }
        if (in.path("reasoning_effort").isTextual()) {
            int budget = switch (in.get("reasoning_effort").asText()) {
                case "low" -> 1024;
                case "medium" -> 8192;
                case "high" -> 24576;
                default -> 0;
            };
            config.putObject("thinkingConfig").put("thinkingBudget", budget);
        }
        return config;
    }

    private static void copy(JsonNode in, ObjectNode config, String from, String to) {
        if (in.path(from).isNumber()) {
            config.set(to, in.get(from));
        }
    }

    /** A string, or the text parts of an array, joined. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asText(""));
        }
        return text.toString();
    }

    static GatewayException untranslatable(String what) {
        return OpenAiToAnthropicTranslator.invalid("The request cannot be translated to google/generate-content: " + what
                + ".", "messages");
    }
}
