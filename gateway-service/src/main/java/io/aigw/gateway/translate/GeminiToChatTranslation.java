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
 * Gemini `generateContent` (client) → chat-completions (provider). The request: `systemInstruction` → a system
 * message, `contents` (text, inline images, function calls and responses) → messages ({@link GeminiContents}),
 * `functionDeclarations` → function tools, `toolConfig` → tool choice, `generationConfig` → max tokens, stop
 * sequences, sampling, penalties, seed and JSON output. The gateway puts `model` and `stream` (from the path) in the
 * body it reads. Answers: {@link ChatCompletionToGemini}; streams: {@link ChatChunksToGeminiChunks}.
 */
public final class GeminiToChatTranslation implements Translation {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> MAPPED = Set.of("model", "models", "stream", "contents", "systemInstruction",
            "system_instruction", "tools", "toolConfig", "tool_config", "generationConfig", "generation_config");
    private static final Set<String> CONFIG_MAPPED = Set.of("temperature", "topP", "top_p", "maxOutputTokens",
            "max_output_tokens", "stopSequences", "stop_sequences", "seed", "presencePenalty", "presence_penalty",
            "frequencyPenalty", "frequency_penalty", "responseMimeType", "response_mime_type", "responseSchema",
            "response_schema", "responseJsonSchema", "response_json_schema", "candidateCount", "candidate_count");

    private final ObjectNode body;
    private final List<String> dropped;

    private GeminiToChatTranslation(ObjectNode body, List<String> dropped) {
        this.body = body;
        this.dropped = dropped;
    }

    /** Translates the client's body; a body that cannot be translated throws (400). */
    public static GeminiToChatTranslation of(byte[] bytes, int length) {
        ObjectNode in = TranslatedBody.parse(bytes, length);
        if (in.hasNonNull("cachedContent") || in.hasNonNull("cached_content")) {
            throw GeminiContents.untranslatable("\"cachedContent\" refers to state the provider does not hold");
        }
        List<String> dropped = new ArrayList<>(TranslatedBody.unmapped(in, MAPPED));
        ObjectNode out = NODES.objectNode().put("model", "");
        ArrayNode messages = out.putArray("messages");
        JsonNode system = GeminiContents.field(in, "systemInstruction", "system_instruction");
        if (system.isObject()) {
            messages.addObject().put("role", "system").put("content", GeminiContents.text(system.path("parts")));
        }
        JsonNode contents = in.path("contents");
        if (!contents.isArray() || contents.isEmpty()) {
            throw OpenAiToAnthropicTranslator.invalid("\"contents\" must be a non-empty array.", "contents");
        }
        new GeminiContents(messages).addAll(contents);
        config(GeminiContents.field(in, "generationConfig", "generation_config"), out, dropped);
        GeminiTools.tools(in, out, dropped);
        if (in.path("stream").asBoolean(false)) {
            out.put("stream", true).putObject("stream_options").put("include_usage", true);
        }
        return new GeminiToChatTranslation(out, List.copyOf(dropped));
    }

    private static void config(JsonNode config, ObjectNode out, List<String> dropped) {
        if (!config.isObject()) {
            return;
        }
        config.fieldNames().forEachRemaining(name -> {
            if (!CONFIG_MAPPED.contains(name)) {
                dropped.add("generationConfig." + name);
            }
        });
        copy(config, out, "temperature", "temperature", "temperature");
        copy(config, out, "top_p", "topP", "top_p");
        copy(config, out, "max_tokens", "maxOutputTokens", "max_output_tokens");
        copy(config, out, "stop", "stopSequences", "stop_sequences");
        copy(config, out, "seed", "seed", "seed");
        copy(config, out, "presence_penalty", "presencePenalty", "presence_penalty");
        copy(config, out, "frequency_penalty", "frequencyPenalty", "frequency_penalty");
        if (GeminiContents.field(config, "candidateCount", "candidate_count").asInt(1) > 1) {
            dropped.add("generationConfig.candidateCount");
        }
        JsonNode schema = GeminiContents.field(config, "responseJsonSchema", "response_json_schema");
        if (schema.isMissingNode()) {
            schema = GeminiTools.lowerTypes(GeminiContents.field(config, "responseSchema", "response_schema"));
        }
        if (schema != null && schema.isObject()) {
            out.putObject("response_format").put("type", "json_schema").putObject("json_schema")
                    .put("name", "response").set("schema", schema);
        } else if ("application/json".equals(GeminiContents.field(config, "responseMimeType", "response_mime_type").asText())) {
            out.putObject("response_format").put("type", "json_object");
        }
    }

    private static void copy(JsonNode config, ObjectNode out, String to, String camel, String snake) {
        JsonNode value = GeminiContents.field(config, camel, snake);
        if (!value.isMissingNode() && !value.isNull()) {
            out.set(to, value);
        }
    }

    ObjectNode chatBody() {
        return body;
    }

    @Override
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        return TranslatedBody.forModel(body, upstreamModelId, strip);
    }

    @Override
    public byte[] response(byte[] upstream) {
        JsonNode chat = TranslatedBody.answer(upstream);
        return chat == null ? null : AnthropicToOpenAiTranslator.bytes(ChatCompletionToGemini.translate(chat));
    }

    @Override
    public StreamTransform stream(String provider) {
        return new ChatChunksToGeminiChunks(provider);
    }

    @Override
    public List<String> dropped() {
        return dropped;
    }
}
