package io.aigw.gateway.translate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * chat-completions, Anthropic messages and Responses → Gemini `generateContent`, request, answer and stream, without a
 * server; answers and chunks in Google's recorded shapes.
 */
class ChatToGeminiTranslationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A recorded Gemini 2.5 answer: thoughts, a cached prompt, two parallel calls without ids. */
    private static final String CALLS = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"thinking...\",\"thought\":true},"
            + "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}},{\"functionCall\":{\"name\":"
            + "\"get_weather\",\"args\":{\"city\":\"Rome\"}}}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
            + "\"usageMetadata\":{\"promptTokenCount\":120,\"candidatesTokenCount\":20,\"totalTokenCount\":170,"
            + "\"cachedContentTokenCount\":100,\"thoughtsTokenCount\":30},\"modelVersion\":\"gemini-2.5-flash\","
            + "\"responseId\":\"abc\"}";

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> data(Buffer sse) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        SseEvents.forEach(sse, (name, data) -> {
            if (!"[DONE]".equals(data)) {
                try {
                    out.add(MAPPER.readTree(data));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        return out;
    }

    @Test
    void shouldNameWhatHasNoSlotAndStripAModelsUnsupportedParameters() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"developer\",\"content\":\"A\"},{\"role\":\"system\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"B\"}]},{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"https://x/cat.PNG?s=1\"}}]}],\"temperature\":0.5,\"seed\":7,\"logprobs\":true,"
                + "\"parallel_tool_calls\":false,\"n\":2,\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":"
                + "\"s\",\"schema\":{\"type\":\"object\"}}}}");
        ChatToGeminiTranslation translation = ChatToGeminiTranslation.of(in, in.length);
        assertThat(translation.dropped(), contains("logprobs", "parallel_tool_calls", "n"));
        JsonNode gemini = MAPPER.readTree(translation.forModel("m", Set.of("temperature")).getBytes());
        assertThat(gemini.at("/systemInstruction/parts/0/text").asText(), equalTo("A\n\nB"));
        assertThat(gemini.at("/contents/0/parts/0/fileData/mimeType").asText(), equalTo("image/png"));
        assertThat(gemini.at("/generationConfig/temperature").isMissingNode(), equalTo(true));
        assertThat(gemini.at("/generationConfig/seed").asInt(), equalTo(7));
        assertThat(gemini.at("/generationConfig/responseMimeType").asText(), equalTo("application/json"));
        assertThat(gemini.at("/generationConfig/responseJsonSchema/type").asText(), equalTo("object"));
        assertThat(gemini.has("model"), equalTo(false));
    }

    @Test
    void shouldRefuseContentGeminiCannotTake() {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{}}]}]}");
        GatewayException e = assertThrows(GatewayException.class, () -> ChatToGeminiTranslation.of(in, in.length));
        assertThat(e.getMessage(), containsString("google/generate-content"));
    }

    @Test
    void shouldAnswerParallelCallsWithCachedAndReasoningTokens() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        JsonNode chat = MAPPER.readTree(ChatToGeminiTranslation.of(in, in.length).response(bytes(CALLS)));
        JsonNode message = chat.at("/choices/0/message");
        assertThat(message.path("content").isNull(), equalTo(true));
        assertThat(message.at("/tool_calls/0/id").asText(), equalTo("call_abc_0"));
        assertThat(message.at("/tool_calls/1/function/arguments").asText(), equalTo("{\"city\":\"Rome\"}"));
        assertThat(chat.at("/choices/0/finish_reason").asText(), equalTo("tool_calls"));
        assertThat(chat.at("/usage/prompt_tokens").asInt(), equalTo(120));
        assertThat(chat.at("/usage/completion_tokens").asInt(), equalTo(50));
        assertThat(chat.at("/usage/prompt_tokens_details/cached_tokens").asInt(), equalTo(100));
        assertThat(chat.at("/usage/completion_tokens_details/reasoning_tokens").asInt(), equalTo(30));
    }

    @Test
    void shouldMapFinishReasonsAndABlockedPrompt() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        ChatToGeminiTranslation t = ChatToGeminiTranslation.of(in, in.length);
        String cut = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}],\"role\":\"model\"},\"finishReason\":\"MAX_TOKENS\"}]}";
        assertThat(MAPPER.readTree(t.response(bytes(cut))).at("/choices/0/finish_reason").asText(), equalTo("length"));
        String unsafe = cut.replace("MAX_TOKENS", "SAFETY");
        assertThat(MAPPER.readTree(t.response(bytes(unsafe))).at("/choices/0/finish_reason").asText(), equalTo("content_filter"));
        String blocked = "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},\"usageMetadata\":{\"promptTokenCount\":4}}";
        assertThat(MAPPER.readTree(t.response(bytes(blocked))).at("/choices/0/finish_reason").asText(), equalTo("content_filter"));
    }

    @Test
    void shouldStreamWholeFunctionCallsAsToolCallDeltasAndEndWithDone() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}");
        StreamTransform stream = ChatToGeminiTranslation.of(in, in.length).stream("gemini");
        Buffer first = stream.apply(Buffer.buffer("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],"
                + "\"role\":\"model\"},\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":5,\"totalTokenCount\":5},"
                + "\"responseId\":\"r1\"}\r\n\r\n"));
        Buffer rest = stream.apply(Buffer.buffer("data: " + CALLS + "\r\n\r\n"));
        List<JsonNode> chunks = data(first);
        chunks.addAll(data(rest));
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText(), equalTo("assistant"));
        assertThat(chunks.get(1).at("/choices/0/delta/content").asText(), equalTo("Hel"));
        assertThat(chunks.get(2).at("/choices/0/delta/tool_calls/0/index").asInt(), equalTo(0));
        assertThat(chunks.get(3).at("/choices/0/delta/tool_calls/0/index").asInt(), equalTo(1));
        assertThat(chunks.get(3).at("/choices/0/delta/tool_calls/0/function/arguments").asText(), equalTo("{\"city\":\"Rome\"}"));
        assertThat(chunks.get(4).at("/choices/0/finish_reason").asText(), equalTo("tool_calls"));
        assertThat(chunks.get(5).at("/usage/completion_tokens").asInt(), equalTo(50));
        assertThat(rest.toString(), endsWith("data: [DONE]\n\n"));
        assertThat(stream.apply(Buffer.buffer("data: {\"candidates\":[]}\r\n\r\n")).length(), equalTo(0));
    }

    @Test
    void shouldTurnAGoogleErrorChunkIntoAnOpenAiErrorEvent() {
        byte[] in = bytes("{\"model\":\"x\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        Buffer out = ChatToGeminiTranslation.of(in, in.length).stream("gemini").apply(Buffer.buffer(
                "data: {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}\r\n\r\n"));
        assertThat(out.toString(), containsString("Provider \\\"gemini\\\" failed during the stream: The model is overloaded."));
    }

    @Test
    void shouldTranslateAnthropicMessagesThroughChatAndStreamAnthropicEventsBack() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"max_tokens\":50,\"stream\":true,\"system\":\"S\",\"top_k\":3,\"messages\":"
                + "[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":"
                + "\"image/jpeg\",\"data\":\"AAAA\"}},{\"type\":\"text\",\"text\":\"What?\"}]}],\"stop_sequences\":[\"X\"]}");
        Translation t = MessagesToGeminiTranslation.of(in, in.length);
        assertThat(t.dropped(), contains("top_k"));
        JsonNode gemini = MAPPER.readTree(t.forModel("m", Set.of()).getBytes());
        assertThat(gemini.at("/systemInstruction/parts/0/text").asText(), equalTo("S"));
        assertThat(gemini.at("/contents/0/parts/0/inlineData/data").asText(), equalTo("AAAA"));
        assertThat(gemini.at("/generationConfig/stopSequences/0").asText(), equalTo("X"));
        assertThat(gemini.at("/generationConfig/maxOutputTokens").asInt(), equalTo(50));
        Buffer events = t.stream("gemini").apply(Buffer.buffer("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
                + "\"Hi\"}],\"role\":\"model\"},\"finishReason\":\"MAX_TOKENS\",\"index\":0}],\"usageMetadata\":{"
                + "\"promptTokenCount\":5,\"candidatesTokenCount\":1,\"totalTokenCount\":6},\"responseId\":\"r\"}\r\n\r\n"));
        String text = events.toString();
        assertThat(text, containsString("event: message_start"));
        assertThat(text, containsString("\"stop_reason\":\"max_tokens\""));
        assertThat(text, containsString("event: message_stop"));
    }

    @Test
    void shouldTranslateResponsesThroughChat() throws Exception {
        byte[] in = bytes("{\"model\":\"x\",\"instructions\":\"Be brief.\",\"input\":\"hi\",\"max_output_tokens\":9}");
        Translation t = ResponsesToGeminiTranslation.of(in, in.length);
        JsonNode gemini = MAPPER.readTree(t.forModel("m", Set.of()).getBytes());
        assertThat(gemini.at("/generationConfig/maxOutputTokens").asInt(), equalTo(9));
        JsonNode response = MAPPER.readTree(t.response(bytes(CALLS)));
        assertThat(response.path("object").asText(), equalTo("response"));
        assertThat(response.at("/usage/output_tokens_details/reasoning_tokens").asInt(), equalTo(30));
    }
}
