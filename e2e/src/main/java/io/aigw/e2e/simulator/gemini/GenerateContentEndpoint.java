package io.aigw.e2e.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.e2e.simulator.content.SimulatedReply;
import io.aigw.e2e.simulator.content.TokenCount;
import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.SseStream;
import io.aigw.e2e.simulator.exchange.StreamScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1beta/models/{model}:generateContent}: a {@code GenerateContentResponse}; and
 * {@code :streamGenerateContent?alt=sse}: one {@code data:} chunk per text piece (a tool call comes whole, in one
 * {@code functionCall} part, as Gemini sends it), then a last chunk with {@code finishReason} and the full
 * {@code usageMetadata}; no {@code [DONE]}. Tools come from {@code tools[].functionDeclarations} and
 * {@code toolConfig.functionCallingConfig}; {@code generationConfig.maxOutputTokens} cuts the answer
 * ({@code MAX_TOKENS}). A {@code thinkingConfig} with a budget reports {@value #THOUGHTS} thoughts tokens; a
 * {@code cachedContent} reports half the prompt as cached.
 */
public final class GenerateContentEndpoint implements Endpoint {

    static final int THOUGHTS = 3;
    private static final String END = "\r\n\r\n";

    @Override
    public void handle(Exchange exchange) {
        JsonNode json = exchange.json();
        ArrayNode parts = Json.MAPPER.createArrayNode();
        json.path("systemInstruction").path("parts").forEach(parts::add);
        json.path("contents").forEach(c -> c.path("parts").forEach(parts::add));
        SimulatedReply reply = SimulatedReply.plan(exchange, view(json), "sim-resp-", TokenCount.prompt(parts), "call_sim",
                "maxOutputTokens");
        int thoughts = thinks(json) ? THOUGHTS : 0;
        int cached = json.hasNonNull("cachedContent") ? reply.promptTokens() / 2 : 0;
        if (!exchange.streamRequested()) {
            exchange.responder().json(whole(reply, thoughts, cached));
            return;
        }
        List<String> content = new ArrayList<>();
        if (reply.toolCall() != null) {
            content.add(chunk(reply, functionCall(reply), null, usage(reply, 0, 0, 0, false)));
        } else {
            int sent = 0;
            for (String piece : reply.pieces()) {
                sent++;
                content.add(chunk(reply, "{\"text\":" + Json.quote(piece) + "}", null, usage(reply, sent, 0, 0, false)));
            }
        }
        List<String> closing = List.of(chunk(reply, "{\"text\":\"\"}", finishReason(reply),
                usage(reply, reply.outputTokens(), thoughts, cached, true)));
        SseStream.play(exchange, new StreamScript(null, List.of(), content, closing, GeminiDialect.streamError()));
    }

    /** Tools, tool choice and max tokens in the shape {@link SimulatedReply} reads. */
    private static JsonNode view(JsonNode json) {
        ObjectNode view = Json.MAPPER.createObjectNode();
        ArrayNode tools = view.putArray("tools");
        for (JsonNode tool : json.path("tools")) {
            for (JsonNode declaration : tool.path("functionDeclarations")) {
                JsonNode schema = declaration.has("parametersJsonSchema") ? declaration.get("parametersJsonSchema")
                        : lower(declaration.path("parameters").deepCopy());
                tools.addObject().put("name", declaration.path("name").asText("tool")).set("parameters", schema);
            }
        }
        JsonNode config = json.path("toolConfig").path("functionCallingConfig");
        JsonNode allowed = config.path("allowedFunctionNames");
        switch (config.path("mode").asText("")) {
            case "ANY" -> {
                if (allowed.size() == 1) {
                    view.putObject("tool_choice").put("name", allowed.get(0).asText());
                } else {
                    view.put("tool_choice", "required");
                }
            }
            case "NONE" -> view.put("tool_choice", "none");
            default -> {
            }
        }
        JsonNode max = json.path("generationConfig").path("maxOutputTokens");
        if (max.isNumber()) {
            view.put("maxOutputTokens", max.intValue());
        }
        return view;
    }

    private static JsonNode lower(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.path("type").isTextual()) {
                object.put("type", object.get("type").asText().toLowerCase(Locale.ROOT));
            }
            object.forEach(GenerateContentEndpoint::lower);
        } else if (schema.isArray()) {
            schema.forEach(GenerateContentEndpoint::lower);
        }
        return schema;
    }

    private static boolean thinks(JsonNode json) {
        JsonNode thinking = json.path("generationConfig").path("thinkingConfig");
        return thinking.path("includeThoughts").asBoolean(false) || thinking.path("thinkingBudget").asInt(0) > 0;
    }

    static String whole(SimulatedReply reply, int thoughts, int cached) {
        String part = reply.toolCall() != null ? functionCall(reply) : "{\"text\":" + Json.quote(reply.text()) + "}";
        return "{\"candidates\":[{\"content\":{\"parts\":[" + part + "],\"role\":\"model\"},\"finishReason\":\""
                + finishReason(reply) + "\",\"index\":0}]" + usage(reply, reply.outputTokens(), thoughts, cached, true)
                + ",\"modelVersion\":" + Json.quote(reply.model()) + ",\"responseId\":\"" + reply.id() + "\"}";
    }

    private static String functionCall(SimulatedReply reply) {
        return "{\"functionCall\":{\"name\":" + Json.quote(reply.toolCall().name()) + ",\"args\":"
                + reply.toolCall().argumentsJson() + "}}";
    }

    private static String chunk(SimulatedReply reply, String part, String finishReason, String usage) {
        return "data: {\"candidates\":[{\"content\":{\"parts\":[" + part + "],\"role\":\"model\"}"
                + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"") + ",\"index\":0}]" + usage
                + ",\"modelVersion\":" + Json.quote(reply.model()) + ",\"responseId\":\"" + reply.id() + "\"}" + END;
    }

    /** A function call ends with `STOP`, as Gemini's do; a cut answer with `MAX_TOKENS`. */
    static String finishReason(SimulatedReply reply) {
        return reply.truncated() ? "MAX_TOKENS" : "STOP";
    }

    /** `,"usageMetadata":{…}`; a stream's chunks before the last count the prompt and the candidates so far. */
    private static String usage(SimulatedReply reply, int candidates, int thoughts, int cached, boolean full) {
        if (!reply.reportUsage()) {
            return "";
        }
        int prompt = reply.promptTokens();
        StringBuilder out = new StringBuilder(160).append(",\"usageMetadata\":{\"promptTokenCount\":").append(prompt);
        if (candidates > 0) {
            out.append(",\"candidatesTokenCount\":").append(candidates);
        }
        out.append(",\"totalTokenCount\":").append(prompt + candidates + thoughts);
        if (cached > 0) {
            out.append(",\"cachedContentTokenCount\":").append(cached);
        }
        if (full) {
            out.append(",\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":").append(prompt).append("}]");
        }
        if (thoughts > 0) {
            out.append(",\"thoughtsTokenCount\":").append(thoughts);
        }
        return out.append('}').toString();
    }
}
