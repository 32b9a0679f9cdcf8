package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Gemini-native provider in the running suite: bootstrap.sh registers {@code simulator-gemini} (surface
 * {@code google/generate-content}, key in {@code x-goog-api-key}, base URL {@code /v1beta}) with the model
 * {@code sim-gemini}. OpenAI chat-completions and Anthropic messages calls in the shapes the official SDKs send
 * reach it translated, streamed and not; a Gemini call reaches it natively; the ledger prices its usageMetadata.
 */
class GeminiProviderThroughRunningSuiteIT {

    private static final String MODEL = "simulator-gemini:sim-gemini";
    private static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final RunningSuite suite = new RunningSuite();

    private HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("the gateway did not answer " + path, e);
        }
    }

    private static List<JsonNode> data(String sse) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : sse.split("\r?\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                try {
                    out.add(RunningSuite.JSON.readTree(line.substring(6)));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return out;
    }

    @Test
    void shouldAnswerAnOpenAiChatCompletionFromTheGeminiProviderWithItsToolCall() {
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"%s","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Weather in Paris?"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
                 "properties":{"city":{"type":"string"}},"required":["city"]}}}],"tool_choice":"required","max_tokens":64}
                """.formatted(MODEL), "Authorization", "Bearer " + suite.demoAccessKey);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(MODEL, response.headers().firstValue("X-AIGW-Model").orElse(null));
        JsonNode answer = RunningSuite.json(response);
        assertEquals("chat.completion", answer.path("object").asText());
        assertEquals("tool_calls", answer.at("/choices/0/finish_reason").asText());
        assertEquals("get_weather", answer.at("/choices/0/message/tool_calls/0/function/name").asText());
    }

    @Test
    void shouldStreamAnOpenAiChatCompletionFromGeminiChunks() {
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model":"%s","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Hi"}]}""".formatted(MODEL),
                "Authorization", "Bearer " + suite.demoAccessKey);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().strip().endsWith("data: [DONE]"), response.body());
        StringBuilder text = new StringBuilder();
        List<JsonNode> chunks = data(response.body());
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertEquals(SENTENCE, text.toString());
        assertEquals(8, chunks.get(chunks.size() - 1).at("/usage/completion_tokens").asInt(), response.body());
    }

    @Test
    void shouldAnswerAnAnthropicMessagesCallFromTheGeminiProviderStreamedAndNot() {
        String body = """
                {"model":"%s","max_tokens":64,"system":"Be brief.","messages":[{"role":"user","content":"Hi"}]""".formatted(MODEL);
        HttpResponse<String> plain = post("/v1/messages", body + "}", "x-api-key", suite.demoAccessKey,
                "anthropic-version", "2023-06-01");
        assertEquals(200, plain.statusCode(), plain.body());
        JsonNode message = RunningSuite.json(plain);
        assertEquals("message", message.path("type").asText());
        assertEquals(SENTENCE, message.at("/content/0/text").asText());
        assertEquals("end_turn", message.path("stop_reason").asText());

        HttpResponse<String> streamed = post("/v1/messages", body + ",\"stream\":true}", "x-api-key",
                suite.demoAccessKey, "anthropic-version", "2023-06-01");
        assertEquals(200, streamed.statusCode(), streamed.body());
        assertTrue(streamed.body().startsWith("event: message_start"), streamed.body());
        assertTrue(streamed.body().contains("event: message_stop"), streamed.body());
        StringBuilder text = new StringBuilder();
        data(streamed.body()).forEach(e -> text.append(e.at("/delta/text").asText("")));
        assertEquals(SENTENCE, text.toString());
    }

    @Test
    void shouldServeAGeminiCallNativelyAndPriceItsUsageMetadata() {
        HttpResponse<String> response = post("/v1beta/models/" + MODEL + ":generateContent",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello from e2e\"}]}]}",
                "x-goog-api-key", suite.demoAccessKey);
        assertEquals(200, response.statusCode(), response.body());
        assertFalse(response.headers().firstValue("X-AIGW-Dropped-Fields").isPresent());
        JsonNode answer = RunningSuite.json(response);
        assertEquals(SENTENCE, answer.at("/candidates/0/content/parts/0/text").asText());
        assertEquals("sim-gemini", answer.path("modelVersion").asText());
        int prompt = answer.at("/usageMetadata/promptTokenCount").asInt();

        String requestId = response.headers().firstValue("X-AIGW-Request-Id").orElseThrow();
        HttpResponse<String> trace = Eventually.within(Duration.ofSeconds(20), "the Gemini request's usage trace",
                () -> suite.admin("GET", suite.keysUrl + "/admin/v1/usage/requests/" + requestId, null),
                r -> r.statusCode() == 200 && r.body().contains("simulator-gemini"));
        JsonNode attempt = RunningSuite.json(trace).path("attempts").path(0);
        assertEquals(prompt, attempt.at("/tokens/input").asInt(), trace.body());
        assertEquals(8, attempt.at("/tokens/output").asInt(), trace.body());
        assertFalse(attempt.at("/tokens/estimated").asBoolean(), trace.body());
        BigDecimal expected = new BigDecimal("0.3").multiply(BigDecimal.valueOf(prompt))
                .add(new BigDecimal("2.5").multiply(BigDecimal.valueOf(8))).movePointLeft(6);
        assertEquals(0, expected.compareTo(attempt.path("costUsd").decimalValue()), trace.body());
    }

    @Test
    void shouldStreamAGeminiCallNativelyInGooglesFraming() {
        HttpResponse<String> response = post("/v1beta/models/" + MODEL + ":streamGenerateContent?alt=sse",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}", "x-goog-api-key", suite.demoAccessKey);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\r\n\r\ndata: "), response.body());
        assertFalse(response.body().contains("[DONE]"), response.body());
        List<JsonNode> chunks = data(response.body());
        assertEquals("STOP", chunks.get(chunks.size() - 1).at("/candidates/0/finishReason").asText(), response.body());
    }
}
