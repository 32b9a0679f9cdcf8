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
 * OpenAI Responses (client) → chat-completions (provider). The request: `instructions` → a system message, `input`
 * (a string, or message / `function_call` / `function_call_output` items) → messages, function tools and tool choice,
 * `max_output_tokens` → `max_tokens`, sampling, `text.format` → `response_format`; a stream asks for usage. The answer:
 * {@link ChatCompletionToResponse}, streams {@link ChatChunksToResponseEvents}. Reasoning items and hosted tools are
 * dropped; stored state (`previous_response_id`, item references) and files or audio cannot be translated.
 */
public final class ResponsesToChatTranslation implements Translation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MAPPED = Set.of("model", "models", "input", "instructions", "tools", "tool_choice",
            "parallel_tool_calls", "max_output_tokens", "temperature", "top_p", "stream", "text", "user");

    private final ObjectNode request;
    private final ObjectNode body;
    private final List<String> dropped;

    private ResponsesToChatTranslation(ObjectNode request, ObjectNode body, List<String> dropped) {
        this.request = request;
        this.body = body;
        this.dropped = dropped;
    }

    /** Translates the client's body; a body that cannot be translated throws (400 invalid_request). */
    public static ResponsesToChatTranslation of(byte[] bytes, int length) {
        ObjectNode in = TranslatedBody.parse(bytes, length);
        if (in.hasNonNull("previous_response_id") || in.hasNonNull("conversation")) {
            throw untranslatable("\"previous_response_id\" and \"conversation\" need the provider's stored state");
        }
        List<String> dropped = new ArrayList<>(TranslatedBody.unmapped(in, MAPPED));
        ObjectNode out = NODES.objectNode().put("model", "");
        ArrayNode messages = out.putArray("messages");
        if (in.path("instructions").isTextual()) {
            messages.addObject().put("role", "system").put("content", in.get("instructions").asText());
        }
        JsonNode input = in.get("input");
        if (input == null || input.isTextual()) {
            messages.addObject().put("role", "user").put("content", input == null ? "" : input.asText());
        } else if (input.isArray()) {
            for (JsonNode item : input) {
                ResponsesInputItems.item(item, messages, dropped);
            }
        } else {
            throw OpenAiToAnthropicTranslator.invalid("\"input\" must be a string or an array of items.", "input");
        }
        if (in.path("max_output_tokens").canConvertToInt()) {
            out.put("max_tokens", in.get("max_output_tokens").asInt());
        }
        for (String name : new String[] {"temperature", "top_p", "parallel_tool_calls", "user"}) {
            if (in.hasNonNull(name)) {
                out.set(name, in.get(name));
            }
        }
        tools(in, out, dropped);
        format(in.path("text"), out, dropped);
        if (in.path("stream").asBoolean(false)) {
            out.put("stream", true).putObject("stream_options").put("include_usage", true);
        }
        return new ResponsesToChatTranslation(in, out, List.copyOf(dropped));
    }

    private static void tools(JsonNode in, ObjectNode out, List<String> dropped) {
        ArrayNode list = NODES.arrayNode();
        for (JsonNode tool : in.path("tools")) {
            String type = tool.path("type").asText();
            if (!"function".equals(type)) {
                dropped.add("tools[]." + type);
                continue;
            }
            ObjectNode function = list.addObject().put("type", "function").putObject("function")
                    .put("name", tool.path("name").asText(""));
            if (tool.path("description").isTextual()) {
                function.put("description", tool.get("description").asText());
            }
            function.set("parameters", tool.path("parameters").isObject() ? tool.get("parameters")
                    : NODES.objectNode().put("type", "object"));
            if (tool.path("strict").isBoolean()) {
                function.put("strict", tool.get("strict").asBoolean());
            }
        }
        if (!list.isEmpty()) {
            out.set("tools", list);
        } else {
            out.remove("parallel_tool_calls");
        }
        JsonNode choice = in.get("tool_choice");
        if (choice == null || list.isEmpty() && !"none".equals(choice.asText())) {
            return;
        }
        if (choice.isTextual()) {
            out.put("tool_choice", choice.asText());
        } else if ("function".equals(choice.path("type").asText())) {
            out.putObject("tool_choice").put("type", "function").putObject("function").put("name", choice.path("name").asText(""));
        } else {
            dropped.add("tool_choice");
        }
    }

    /** `text.format` → `response_format` (json_schema keeps name, schema, strict); verbosity is dropped. */
    private static void format(JsonNode text, ObjectNode out, List<String> dropped) {
        JsonNode format = text.path("format");
        switch (format.path("type").asText("text")) {
            case "json_schema" -> {
                ObjectNode schema = out.putObject("response_format").put("type", "json_schema").putObject("json_schema");
                format.fields().forEachRemaining(f -> {
                    if (!"type".equals(f.getKey())) {
                        schema.set(f.getKey(), f.getValue());
                    }
                });
            }
            case "json_object" -> out.putObject("response_format").put("type", "json_object");
            default -> {
                // plain text is chat's default
            }
        }
        if (text.has("verbosity")) {
            dropped.add("text.verbosity");
        }
    }

    static io.aigw.gateway.error.GatewayException untranslatable(String what) {
        return OpenAiToAnthropicTranslator.invalid("The request cannot be translated from openai/responses: " + what + ".",
                "input");
    }

    /** The chat-completions body (before a model is set): {@link ResponsesToMessagesTranslation} goes on from it. */
    ObjectNode chatBody() {
        return body;
    }

    ObjectNode request() {
        return request;
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return TranslatedBody.forModel(body, upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        JsonNode chat = TranslatedBody.answer(upstream);
        return chat == null ? null : AnthropicToOpenAiTranslator.bytes(ChatCompletionToResponse.translate(chat, request));
    }

    @Override
    public StreamTransform stream(String provider) {
        return new ChatChunksToResponseEvents(request, provider);
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
