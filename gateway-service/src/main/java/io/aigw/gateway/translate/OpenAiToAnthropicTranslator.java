package io.aigw.gateway.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import java.io.IOException;

/**
 * The request side of chat-completions → Anthropic messages: a chat-completions body becomes a messages
 * body (system messages → `system`, user/assistant turns with text, images and tool calls, tool results,
 * tools and tool choice, `max_tokens` (Anthropic requires it), stop sequences, sampling). Fields Anthropic
 * does not know are left out: it refuses unknown fields. Consecutive turns of one role are merged (tool
 * results of one assistant turn must travel in one user message).
 */
public final class OpenAiToAnthropicTranslator {

    /** `max_tokens` when the request sets none. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OpenAiToAnthropicTranslator() {
    }

    /** Translates the body once, before any attempt; a body that cannot be translated is the client's error (400). */
    public static AnthropicRequest translate(byte[] body, int length) {
        JsonNode in;
        try {
            in = MAPPER.readTree(body, 0, length);
        } catch (IOException e) {
            throw invalid("The request body is not valid JSON.", null);
        }
        if (!(in instanceof ObjectNode)) {
            throw invalid("The request body must be a JSON object.", null);
        }
        ObjectNode out = NODES.objectNode();
        out.put("model", "");
        ArrayNode system = NODES.arrayNode();
        ArrayNode messages = NODES.arrayNode();
        JsonNode list = in.path("messages");
        if (!list.isArray() || list.isEmpty()) {
            throw invalid("\"messages\" must be a non-empty array.", "messages");
        }
        for (JsonNode message : list) {
            message(message, system, messages);
        }
        if (!system.isEmpty()) {
            out.set("system", system);
        }
        out.set("messages", messages);
        out.put("max_tokens", maxTokens(in));
        JsonNode stop = in.get("stop");
        if (stop != null && stop.isTextual()) {
            out.putArray("stop_sequences").add(stop.asText());
        } else if (stop != null && stop.isArray() && !stop.isEmpty()) {
            out.set("stop_sequences", stop);
        }
        JsonNode temperature = in.get("temperature");
        if (temperature != null && temperature.isNumber()) {
            out.put("temperature", Math.min(1.0, temperature.asDouble())); // OpenAI allows up to 2, Anthropic 1
        }
        copyNumber(in, out, "top_p", "top_p");
        copyNumber(in, out, "top_k", "top_k");
        tools(in, out);
        boolean stream = in.path("stream").asBoolean(false);
        if (stream) {
            out.put("stream", true);
        }
        JsonNode user = in.get("user");
        if (user != null && user.isTextual()) {
            out.putObject("metadata").put("user_id", user.asText());
        }
        boolean includeUsage = in.path("stream_options").path("include_usage").asBoolean(false);
        return new AnthropicRequest(out, stream, includeUsage);
    }

    private static int maxTokens(JsonNode in) {
        for (String name : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode value = in.get(name);
            if (value != null && !value.isNull()) {
                if (!value.canConvertToInt() || value.asInt() < 1) {
                    throw invalid("\"" + name + "\" must be a positive integer.", name);
                }
                return value.asInt();
            }
        }
        return DEFAULT_MAX_TOKENS;
    }

    private static void message(JsonNode message, ArrayNode system, ArrayNode messages) {
        String role = message.path("role").asText("");
        JsonNode content = message.get("content");
        switch (role) {
            case "system", "developer" -> textBlocks(content, system, "messages");
            case "user" -> append(messages, "user", userBlocks(content));
            case "assistant" -> {
                ArrayNode blocks = NODES.arrayNode();
                if (content != null && !content.isNull()) {
                    textBlocks(content, blocks, "messages");
                }
                for (JsonNode call : message.path("tool_calls")) {
                    blocks.add(toolUse(call));
                }
                if (blocks.isEmpty()) {
                    blocks.addObject().put("type", "text").put("text", "");
                }
                append(messages, "assistant", blocks);
            }
            case "tool" -> {
                ObjectNode result = NODES.objectNode().put("type", "tool_result")
                        .put("tool_use_id", message.path("tool_call_id").asText(""));
                ArrayNode text = NODES.arrayNode();
                if (content != null && !content.isNull()) {
                    textBlocks(content, text, "messages");
                }
                result.set("content", text);
                append(messages, "user", NODES.arrayNode().add(result));
            }
            default -> throw invalid("Unsupported message role \"" + role + "\" for an Anthropic model.", "messages");
        }
    }

    /** Appends a turn, merging it into the previous one when both have the same role. */
    private static void append(ArrayNode messages, String role, ArrayNode blocks) {
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        if (last != null && role.equals(last.path("role").asText())) {
            ((ArrayNode) last.get("content")).addAll(blocks);
            return;
        }
        messages.addObject().put("role", role).set("content", blocks);
    }

    private static void textBlocks(JsonNode content, ArrayNode into, String param) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            into.addObject().put("type", "text").put("text", content.asText());
            return;
        }
        if (!content.isArray()) {
            throw invalid("A message's \"content\" must be a string or an array of parts.", param);
        }
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) || part.has("text")) {
                into.addObject().put("type", "text").put("text", part.path("text").asText(""));
            }
        }
    }

    private static ArrayNode userBlocks(JsonNode content) {
        ArrayNode blocks = NODES.arrayNode();
        if (content == null || content.isNull() || content.isTextual()) {
            blocks.addObject().put("type", "text").put("text", content == null ? "" : content.asText(""));
            return blocks;
        }
        if (!content.isArray()) {
            throw invalid("A message's \"content\" must be a string or an array of parts.", "messages");
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if ("image_url".equals(type)) {
                JsonNode image = part.path("image_url");
                blocks.add(image(image.isTextual() ? image.asText() : image.path("url").asText("")));
            } else if ("text".equals(type)) {
                blocks.addObject().put("type", "text").put("text", part.path("text").asText(""));
            } else {
                throw invalid("Content part \"" + type + "\" cannot be sent to an Anthropic model.", "messages");
            }
        }
        return blocks;
    }

    /** `data:<media type>;base64,<data>` → a base64 source; anything else → a url source. */
    static ObjectNode image(String url) {
        ObjectNode block = NODES.objectNode().put("type", "image");
        ObjectNode source = block.putObject("source");
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semicolon = url.indexOf(';');
            if (comma < 0 || semicolon < 0 || semicolon > comma || !url.substring(semicolon, comma).equals(";base64")) {
                throw invalid("An image data URL must be base64 (data:<media type>;base64,<data>).", "messages");
            }
            source.put("type", "base64").put("media_type", url.substring(5, semicolon)).put("data", url.substring(comma + 1));
        } else {
            source.put("type", "url").put("url", url);
        }
        return block;
    }

    private static ObjectNode toolUse(JsonNode call) {
        JsonNode function = call.path("function");
        ObjectNode block = NODES.objectNode().put("type", "tool_use").put("id", call.path("id").asText(""))
                .put("name", function.path("name").asText(""));
        String arguments = function.path("arguments").asText("");
        JsonNode input;
        try {
            input = arguments.isBlank() ? NODES.objectNode() : MAPPER.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw invalid("A tool call's \"arguments\" must be a JSON object.", "messages");
        }
        if (!input.isObject()) {
            throw invalid("A tool call's \"arguments\" must be a JSON object.", "messages");
        }
        block.set("input", input);
        return block;
    }

    private static void tools(JsonNode in, ObjectNode out) {
        JsonNode tools = in.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            ArrayNode list = out.putArray("tools");
            for (JsonNode tool : tools) {
                JsonNode function = tool.path("function");
                if (!function.isObject() || !function.path("name").isTextual()) {
                    throw invalid("Each tool must be {\"type\":\"function\",\"function\":{\"name\",…}}.", "tools");
                }
                ObjectNode t = list.addObject().put("name", function.get("name").asText());
                if (function.path("description").isTextual()) {
                    t.put("description", function.get("description").asText());
                }
                JsonNode schema = function.get("parameters");
                if (schema == null || !schema.isObject()) {
                    t.putObject("input_schema").put("type", "object").putObject("properties");
                } else {
                    t.set("input_schema", schema);
                }
            }
        }
        JsonNode choice = in.get("tool_choice");
        ObjectNode anthropicChoice = null;
        if (choice != null && choice.isTextual()) {
            anthropicChoice = switch (choice.asText()) {
                case "none" -> NODES.objectNode().put("type", "none");
                case "required" -> NODES.objectNode().put("type", "any");
                default -> NODES.objectNode().put("type", "auto");
            };
        } else if (choice != null && choice.isObject()) {
            anthropicChoice = NODES.objectNode().put("type", "tool")
                    .put("name", choice.path("function").path("name").asText(""));
        }
        if (in.path("parallel_tool_calls").isBoolean() && !in.get("parallel_tool_calls").asBoolean() && out.has("tools")) {
            if (anthropicChoice == null) {
                anthropicChoice = NODES.objectNode().put("type", "auto");
            }
            if (!"none".equals(anthropicChoice.path("type").asText())) {
                anthropicChoice.put("disable_parallel_tool_use", true);
            }
        }
        if (anthropicChoice != null && (out.has("tools") || "none".equals(anthropicChoice.path("type").asText()))) {
            out.set("tool_choice", anthropicChoice);
        }
    }

    private static void copyNumber(JsonNode in, ObjectNode out, String from, String to) {
        JsonNode value = in.get(from);
        if (value != null && value.isNumber()) {
            out.set(to, value);
        }
    }

    static GatewayException invalid(String message, String param) {
        return new GatewayException(ErrorCode.INVALID_REQUEST, message, param);
    }
}
