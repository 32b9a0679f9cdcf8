package io.aigw.e2e.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.e2e.simulator.content.SimulatedText;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gemini's `generateContent` and `streamGenerateContent?alt=sse` in Google's wire format. */
class GeminiGenerateContentTest extends SimulatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] KEY = {"x-goog-api-key", "sim-key-1"};
    private static final String SYSTEM = "You are terse.";
    private static final String PROMPT = "Hello there, simulator!";
    private static final String BODY = "{\"systemInstruction\":{\"parts\":[{\"text\":\"" + SYSTEM + "\"}]},"
            + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + PROMPT + "\"}]}]";
    private static final String TOOLS = ",\"tools\":[{\"functionDeclarations\":[{\"name\":\"get_weather\",\"parameters\":"
            + "{\"type\":\"OBJECT\",\"properties\":{\"city\":{\"type\":\"STRING\"},\"days\":{\"type\":\"INTEGER\"}}}}]}],"
            + "\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"ANY\"}}";

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    @Test
    void shouldAnswerACandidateWithTextFinishReasonAndUsageMetadata() throws Exception {
        HttpResponse<String> response = client.post("/v1beta/models/gemini-2.5-flash:generateContent", BODY + "}", KEY);
        assertEquals(200, response.statusCode());
        JsonNode answer = json(response);
        assertEquals("model", answer.at("/candidates/0/content/role").asText());
        assertEquals(SimulatedText.SENTENCE, answer.at("/candidates/0/content/parts/0/text").asText());
        assertEquals("STOP", answer.at("/candidates/0/finishReason").asText());
        int prompt = (SYSTEM.length() + PROMPT.length()) / 4 + 1;
        assertEquals(prompt, answer.at("/usageMetadata/promptTokenCount").asInt());
        assertEquals(8, answer.at("/usageMetadata/candidatesTokenCount").asInt());
        assertEquals(prompt + 8, answer.at("/usageMetadata/totalTokenCount").asInt());
        assertEquals("gemini-2.5-flash", answer.path("modelVersion").asText());
        assertFalse(answer.has("model"));
    }

    @Test
    void shouldCutAtMaxOutputTokensAndReportThoughts() throws Exception {
        JsonNode answer = json(client.post("/v1beta/models/gemini-2.5-flash:generateContent", BODY
                + ",\"generationConfig\":{\"maxOutputTokens\":3,\"thinkingConfig\":{\"thinkingBudget\":1024}}}", KEY));
        assertEquals("MAX_TOKENS", answer.at("/candidates/0/finishReason").asText());
        assertEquals(3, answer.at("/usageMetadata/candidatesTokenCount").asInt());
        assertEquals(3, answer.at("/usageMetadata/thoughtsTokenCount").asInt());
    }

    @Test
    void shouldCallAFunctionWithArgsFromItsDeclaration() throws Exception {
        JsonNode answer = json(client.post("/v1beta/models/gemini-2.5-flash:generateContent", BODY + TOOLS + "}", KEY));
        JsonNode call = answer.at("/candidates/0/content/parts/0/functionCall");
        assertEquals("get_weather", call.path("name").asText());
        assertEquals("simulated", call.at("/args/city").asText());
        assertEquals(1, call.at("/args/days").asInt());
        assertEquals("STOP", answer.at("/candidates/0/finishReason").asText());
    }

    @Test
    void shouldStreamDataChunksWithoutDoneEndingWithFinishReasonAndUsage() throws Exception {
        SseCapture stream = client.stream("/v1beta/models/gemini-2.5-flash@chunks=3:streamGenerateContent?alt=sse",
                BODY + "}", KEY);
        assertEquals(200, stream.status);
        assertTrue(stream.headers.firstValue("content-type").orElse("").startsWith("text/event-stream"));
        assertTrue(stream.dataEvents().stream().noneMatch(e -> e.data().equals("[DONE]")));
        List<JsonNode> chunks = stream.json();
        assertEquals(4, chunks.size());
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/candidates/0/content/parts/0/text").asText()));
        assertEquals(SimulatedText.piece(0) + SimulatedText.piece(1) + SimulatedText.piece(2), text.toString());
        JsonNode last = chunks.get(3);
        assertEquals("STOP", last.at("/candidates/0/finishReason").asText());
        assertEquals(3, last.at("/usageMetadata/candidatesTokenCount").asInt());
        assertTrue(chunks.get(0).at("/candidates/0/finishReason").isMissingNode());
    }

    @Test
    void shouldAnswerErrorsInGooglesEnvelopeWithRetryAfter() throws Exception {
        HttpResponse<String> limited = client.post("/v1beta/models/gemini-2.5-flash:generateContent", BODY + "}",
                "x-goog-api-key", "sim-key-1", "x-sim-behavior", "status=429,retry-after=2");
        assertEquals(429, limited.statusCode());
        assertEquals("2", limited.headers().firstValue("retry-after").orElse(null));
        assertEquals(429, json(limited).at("/error/code").asInt());
        assertEquals("RESOURCE_EXHAUSTED", json(limited).at("/error/status").asText());
        HttpResponse<String> noKey = client.post("/v1beta/models/gemini-2.5-flash:generateContent", BODY + "}");
        assertEquals(403, noKey.statusCode());
        assertEquals("PERMISSION_DENIED", json(noKey).at("/error/status").asText());
        HttpResponse<String> wrongKey = client.post("/v1beta/models/gemini-2.5-flash:generateContent", BODY + "}",
                "x-goog-api-key", "not-a-key");
        assertEquals(400, wrongKey.statusCode());
        assertEquals("API_KEY_INVALID", json(wrongKey).at("/error/details/0/reason").asText());
        HttpResponse<String> noContents = client.post("/v1beta/models/gemini-2.5-flash:generateContent", "{}", KEY);
        assertEquals("INVALID_ARGUMENT", json(noContents).at("/error/status").asText());
    }

    @Test
    void shouldAcceptTheKeyInTheQueryAndEndABrokenStreamWithAnErrorChunk() throws Exception {
        SseCapture stream = client.stream(
                "/v1beta/models/gemini-2.5-flash@error-in-stream=1:streamGenerateContent?alt=sse&key=sim-key-1",
                BODY + "}");
        List<JsonNode> chunks = stream.json();
        assertEquals(2, chunks.size());
        assertEquals("UNAVAILABLE", chunks.get(1).at("/error/status").asText());
    }
}
