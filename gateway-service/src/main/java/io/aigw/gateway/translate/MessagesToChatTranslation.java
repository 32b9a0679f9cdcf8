package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Anthropic messages (client) → OpenAI chat-completions (provider). The request: `system` → a system message,
 * text and image blocks → content parts, `tool_use` → `tool_calls`, `tool_result` → `tool` messages, tools and
 * tool choice, `stop_sequences` → `stop`, sampling, `metadata.user_id` → `user`; a stream asks for usage. The
 * answer: {@link ChatCompletionToMessage}, streams {@link ChatChunksToMessageEvents}. Thinking blocks and
 * server tools are dropped; a content block with no chat slot (documents, search results) cannot be translated.
 */
public final class MessagesToChatTranslation implements Translation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MAPPED = Set.of("model", "models", "messages", "system", "max_tokens",
            "stop_sequences", "temperature", "top_p", "tools", "tool_choice", "stream", "metadata");

    private final ObjectNode body;
    private final List<String> dropped;

    private MessagesToChatTranslation(ObjectNode body, List<String> dropped) {
        this.body = body;
        this.dropped = dropped;
    }

    /** Translates the client's body; a body that cannot be translated throws (400 invalid_request). */
    public static MessagesToChatTranslation of(byte[] bytes, int length) {
        ObjectNode in = TranslatedBody.parse(bytes, length);
        List<String> dropped = new ArrayList<>(TranslatedBody.unmapped(in, MAPPED));
        ObjectNode out = NODES.objectNode().put("model", "");
        ArrayNode messages = out.putArray("messages");
        JsonNode system = in.get("system");
        if (system != null && !system.isNull()) {
            messages.addObject().put("role", "system").put("content", text(system));
        }
        JsonNode list = in.path("messages");
        if (!list.isArray() || list.isEmpty()) {
            throw OpenAiToAnthropicTranslator.invalid("\"messages\" must be a non-empty array.", "messages");
        }
        for (JsonNode message : list) {
            if ("assistant".equals(message.path("role").asText())) {
                assistant(message.get("content"), messages, dropped);
            } else {
                user(message.get("content"), messages);
            }
        }
        if (in.path("max_tokens").canConvertToInt()) {
            out.put("max_tokens", in.get("max_tokens").asInt());
        }
        if (in.path("stop_sequences").isArray() && !in.get("stop_sequences").isEmpty()) {
            out.set("stop", in.get("stop_sequences"));
        }
        for (String name : new String[] {"temperature", "top_p"}) {
            if (in.path(name).isNumber()) {
                out.set(name, in.get(name));
            }
        }
        MessagesToChatTools.tools(in, out, dropped);
        if (in.path("stream").asBoolean(false)) {
            out.put("stream", true).putObject("stream_options").put("include_usage", true);
        }
        if (in.path("metadata").path("user_id").isTextual()) {
            out.put("user", in.get("metadata").get("user_id").asText());
        }
        return new MessagesToChatTranslation(out, List.copyOf(dropped));
    }

    /** A string, or the text of an array of text blocks. */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText(""));
            } else if (!"image".equals(block.path("type").asText())) {
                throw untranslatable(block.path("type").asText());
            }
        }
        return text.toString();
    }

    private static void user(JsonNode content, ArrayNode messages) {
        if (content == null || content.isTextual()) {
            messages.addObject().put("role", "user").put("content", content == null ? "" : content.asText());
            return;
        }
        ArrayNode parts = NODES.arrayNode();
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            switch (type) {
                case "text" -> parts.addObject().put("type", "text").put("text", block.path("text").asText(""));
                case "image" -> parts.addObject().put("type", "image_url").putObject("image_url")
                        .put("url", imageUrl(block.path("source")));
                case "tool_result" -> {
                    JsonNode result = block.get("content");
                    String text = result == null || result.isNull() ? "" : text(result);
                    messages.addObject().put("role", "tool").put("tool_call_id", block.path("tool_use_id").asText(""))
                            .put("content", block.path("is_error").asBoolean(false) ? "Error: " + text : text);
                }
                default -> throw untranslatable(type);
            }
        }
        if (!parts.isEmpty()) {
            messages.addObject().put("role", "user").set("content", parts);
        }
    }

    private static void assistant(JsonNode content, ArrayNode messages, List<String> dropped) {
        ObjectNode message = messages.addObject().put("role", "assistant");
        if (content == null || content.isTextual()) {
            message.put("content", content == null ? "" : content.asText());
            return;
        }
        StringBuilder text = new StringBuilder();
        ArrayNode calls = NODES.arrayNode();
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            switch (type) {
                case "text" -> text.append(block.path("text").asText(""));
                case "tool_use" -> calls.addObject().put("id", block.path("id").asText("")).put("type", "function")
                        .putObject("function").put("name", block.path("name").asText(""))
                        .put("arguments", AnthropicToOpenAiTranslator.json(
                                block.path("input").isObject() ? block.get("input") : NODES.objectNode()));
                case "thinking", "redacted_thinking" -> {
                    if (!dropped.contains("messages[].content[]." + type)) {
                        dropped.add("messages[].content[]." + type);
                    }
                }
                default -> throw untranslatable(type);
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
    }

    /** A base64 source → a data URL; a url source → its URL. */
    private static String imageUrl(JsonNode source) {
        if ("base64".equals(source.path("type").asText())) {
            return "data:" + source.path("media_type").asText("image/png") + ";base64," + source.path("data").asText("");
        }
        if ("url".equals(source.path("type").asText())) {
            return source.path("url").asText("");
        }
        throw untranslatable("image source " + source.path("type").asText());
    }

    static io.aigw.gateway.error.GatewayException untranslatable(String what) {
        return OpenAiToAnthropicTranslator.invalid("A \"" + what + "\" content block has no equivalent on "
                + "openai/chat-completions.", "messages");
    }

    /** The chat-completions body (before a model is set): {@link MessagesToResponsesTranslation} goes on from it. */
    ObjectNode chatBody() {
        return body;
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return TranslatedBody.forModel(body, upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        return ChatCompletionToMessage.translate(upstream);
    }

    @Override
    public StreamTransform stream(String provider) {
        return new ChatChunksToMessageEvents(provider);
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
