package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.OPENAI;
import static io.aigw.e2e.simulator.SimulatorClient.chat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.e2e.simulator.content.SimulatedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiChatCompletionsTest extends SimulatorTest {

    private static final String PROMPT = "Hello there, simulator!";
    private static final String WEATHER_TOOL = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
            + "\"days\":{\"type\":\"integer\"}}}}}]";


    @Test
    void shouldAnswerChatCompletionEchoingModelWithDeterministicTextAndUsage() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body(chat("gpt-4o-mini@chunks=8", ""))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("gpt-4o-mini"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", equalTo(SimulatedText.SENTENCE))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(PROMPT.length() / 4 + 1))
                .body("usage.completion_tokens", equalTo(8))
                .body("usage.total_tokens", equalTo(PROMPT.length() / 4 + 1 + 8));
    }

    @Test
    void shouldStreamOneContentDeltaPerChunkWhenStreaming() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions", chat("gpt-4o-mini@chunks=5", "\"stream\":true"), OPENAI);

        assertEquals(200, stream.status);
        assertEquals("text/event-stream", stream.headers.firstValue("content-type").orElseThrow());
        assertEquals("chunked", stream.headers.firstValue("transfer-encoding").orElseThrow());
        List<JsonNode> chunks = stream.json();
        assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText());
        List<String> deltas = chunks.subList(1, chunks.size() - 1).stream()
                .map(c -> c.at("/choices/0/delta/content").asText()).toList();
        assertEquals(5, deltas.size());
        assertEquals(SimulatedText.text(5), String.join("", deltas));
        assertTrue(chunks.stream().allMatch(c -> c.path("object").asText().equals("chat.completion.chunk")));
        assertEquals("stop", chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText());
    }

    @Test
    void shouldEndOpenAiStreamWithDoneAndNoUsageChunkWhenUsageIsNotAsked() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions", chat("gpt-4o-mini", "\"stream\":true"), OPENAI);

        assertEquals("[DONE]", stream.lastData());
        assertTrue(stream.json().stream().noneMatch(c -> c.has("usage")));
        assertNull(stream.failure);
    }

    @Test
    void shouldSendUsageChunkWithEmptyChoicesWhenIncludeUsageIsAsked() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o-mini@chunks=3", "\"stream\":true,\"stream_options\":{\"include_usage\":true}"), OPENAI);

        List<JsonNode> chunks = stream.json();
        JsonNode usageChunk = chunks.get(chunks.size() - 1);
        assertTrue(usageChunk.path("choices").isArray() && usageChunk.path("choices").isEmpty());
        assertEquals(PROMPT.length() / 4 + 1, usageChunk.at("/usage/prompt_tokens").asInt());
        assertEquals(3, usageChunk.at("/usage/completion_tokens").asInt());
        assertTrue(chunks.subList(0, chunks.size() - 1).stream().allMatch(c -> c.get("usage").isNull()));
        assertEquals("[DONE]", stream.lastData());
    }

    @Test
    void shouldFinishWithLengthWhenMaxTokensIsBelowChunkCount() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body(chat("gpt-4o-mini", "\"max_tokens\":3"))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("length"))
                .body("choices[0].message.content", equalTo(SimulatedText.text(3)))
                .body("usage.completion_tokens", equalTo(3));
    }

    @Test
    void shouldAnswerToolCallWhenToolsAreOfferedAndToolDirectiveIsSet() throws Exception {
        String arguments = given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1")
                .contentType("application/json").body(chat("gpt-4o@tool=1", WEATHER_TOOL))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.content", nullValue())
                .body("choices[0].message.tool_calls[0].type", equalTo("function"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"))
                .extract().path("choices[0].message.tool_calls[0].function.arguments");
        JsonNode parsed = new ObjectMapper().readTree(arguments);
        assertEquals("simulated", parsed.path("city").asText());
        assertEquals(1, parsed.path("days").asInt());
    }

    @Test
    void shouldStreamToolCallArgumentsAsDeltasThatJoinIntoJson() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o@tool=1,chunks=4", WEATHER_TOOL + ",\"stream\":true"), OPENAI);

        List<JsonNode> chunks = stream.json();
        assertEquals("get_weather", chunks.get(0).at("/choices/0/delta/tool_calls/0/function/name").asText());
        StringBuilder arguments = new StringBuilder();
        chunks.forEach(c -> arguments.append(c.at("/choices/0/delta/tool_calls/0/function/arguments").asText("")));
        assertEquals("simulated", new ObjectMapper().readTree(arguments.toString()).path("city").asText());
        assertEquals("tool_calls", chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText());
    }

    @Test
    void shouldAnswerTextWhenToolsAreOfferedButNotAsked() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body(chat("gpt-4o", WEATHER_TOOL))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("choices[0].message.tool_calls", nullValue());
    }

    @Test
    void shouldOmitUsageWhenUsageDirectiveIsZero() throws Exception {
        var json = client.post("/v1/chat/completions", chat("gpt-4o@usage=0", ""), OPENAI);
        assertFalse(new ObjectMapper().readTree(json.body()).has("usage"));

        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o@usage=0", "\"stream\":true,\"stream_options\":{\"include_usage\":true}"), OPENAI);
        assertTrue(stream.json().stream().noneMatch(c -> c.has("usage")));
        assertEquals("[DONE]", stream.lastData());
    }
}
