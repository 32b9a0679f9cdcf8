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
 * OpenAI chat-completions (client) → OpenAI Responses (provider). The request: leading system/developer messages →
 * `instructions`, the rest of `messages` → input items ({@link ChatMessagesToInputItems}), function tools (not strict
 * unless asked, as in chat), tool choice, `parallel_tool_calls`, `max_tokens`/`max_completion_tokens` →
 * `max_output_tokens`, sampling, `response_format` → `text.format`, `verbosity` → `text.verbosity`,
 * `reasoning_effort` → `reasoning.effort`, and `store: false` unless the client asked to store (Responses stores by
 * default, chat does not). `stop` has no slot (dropped). The answer: {@link ResponseToChatCompletion}; streams
 * {@link ResponseEventsToChatChunks}.
 */
public final class ChatToResponsesTranslation implements Translation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MAPPED = Set.of("model", "models", "messages", "max_tokens", "max_completion_tokens",
            "temperature", "top_p", "tools", "tool_choice", "parallel_tool_calls", "response_format", "stream",
            "stream_options", "user", "metadata", "store", "reasoning_effort", "verbosity", "service_tier",
            "prompt_cache_key", "safety_identifier");
    private static final String[] SAME_NAME = {"temperature", "top_p", "parallel_tool_calls", "user", "metadata",
        "service_tier", "prompt_cache_key", "safety_identifier"};

    private final ObjectNode body;
    private final boolean includeUsage;
    private final List<String> dropped;

    private ChatToResponsesTranslation(ObjectNode body, boolean includeUsage, List<String> dropped) {
        this.body = body;
        this.includeUsage = includeUsage;
        this.dropped = dropped;
    }

    /** Translates the client's body; a body that cannot be translated throws (400 invalid_request). */
    public static ChatToResponsesTranslation of(byte[] bytes, int length) {
        ObjectNode in = TranslatedBody.parse(bytes, length);
        List<String> dropped = new ArrayList<>(TranslatedBody.unmapped(in, MAPPED));
        ObjectNode out = NODES.objectNode().put("model", "");
        JsonNode messages = in.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw OpenAiToAnthropicTranslator.invalid("\"messages\" must be a non-empty array.", "messages");
        }
        ChatMessagesToInputItems.translate(messages, out);
        JsonNode max = in.path("max_completion_tokens").canConvertToInt() ? in.get("max_completion_tokens")
                : in.path("max_tokens");
        if (max.canConvertToInt()) {
            out.put("max_output_tokens", max.asInt());
        }
        for (String name : SAME_NAME) {
            if (in.hasNonNull(name)) {
                out.set(name, in.get(name));
            }
        }
        out.put("store", in.path("store").asBoolean(false));
        if (in.path("reasoning_effort").isTextual()) {
            out.putObject("reasoning").put("effort", in.get("reasoning_effort").asText());
        }
        tools(in, out, dropped);
        text(in, out);
        boolean stream = in.path("stream").asBoolean(false);
        if (stream) {
            out.put("stream", true);
        }
        boolean includeUsage = stream && in.path("stream_options").path("include_usage").asBoolean(false);
        return new ChatToResponsesTranslation(out, includeUsage, List.copyOf(dropped));
    }

    /** Function tools flattened (`function.name` → `name`); other tool types dropped; tool choice likewise. */
    private static void tools(JsonNode in, ObjectNode out, List<String> dropped) {
        ArrayNode list = NODES.arrayNode();
        for (JsonNode tool : in.path("tools")) {
            String type = tool.path("type").asText("function");
            if (!"function".equals(type)) {
                dropped.add("tools[]." + type);
                continue;
            }
            JsonNode function = tool.path("function");
            ObjectNode flat = list.addObject().put("type", "function").put("name", function.path("name").asText(""));
            if (function.path("description").isTextual()) {
                flat.put("description", function.get("description").asText());
            }
            flat.set("parameters", function.path("parameters").isObject() ? function.get("parameters")
                    : NODES.objectNode().put("type", "object").putObject("properties"));
            flat.put("strict", function.path("strict").asBoolean(false));
        }
        if (!list.isEmpty()) {
            out.set("tools", list);
        }
        JsonNode choice = in.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        if (choice.isTextual()) {
            out.put("tool_choice", choice.asText());
        } else if ("function".equals(choice.path("type").asText())) {
            out.putObject("tool_choice").put("type", "function").put("name", choice.path("function").path("name").asText(""));
        } else {
            dropped.add("tool_choice");
        }
    }

    /** `response_format` → `text.format` (json_schema flattened: name, schema, strict, description). */
    private static void text(JsonNode in, ObjectNode out) {
        JsonNode format = in.path("response_format");
        ObjectNode text = NODES.objectNode();
        switch (format.path("type").asText("")) {
            case "json_schema" -> {
                ObjectNode flat = text.putObject("format").put("type", "json_schema");
                format.path("json_schema").fields().forEachRemaining(f -> flat.set(f.getKey(), f.getValue()));
            }
            case "json_object" -> text.putObject("format").put("type", "json_object");
            case "text" -> text.putObject("format").put("type", "text");
            default -> {
                // absent: Responses' default is text
            }
        }
        if (in.path("verbosity").isTextual()) {
            text.put("verbosity", in.get("verbosity").asText());
        }
        if (!text.isEmpty()) {
            out.set("text", text);
        }
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return TranslatedBody.forModel(body, upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        JsonNode response = TranslatedBody.answer(upstream);
        return response == null ? null : AnthropicToOpenAiTranslator.bytes(ResponseToChatCompletion.translate(response));
    }

    @Override
    public StreamTransform stream(String provider) {
        return new ResponseEventsToChatChunks(includeUsage, provider);
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
