package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.OPENAI;
import static io.aigw.e2e.simulator.SimulatorClient.chat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.openai.OpenAiFlavor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenRouterTest extends SimulatorTest {

    private static final int PROMPT_TOKENS = "Hello there, simulator!".length() / 4 + 1;

    @Test
    void shouldStartOpenRouterStreamWithProcessingCommentBeforeAnyData() throws Exception {
        SseCapture stream = client.stream("/api/v1/chat/completions",
                chat("anthropic/claude-3.5-sonnet", "\"stream\":true"), OPENAI);

        assertEquals("OPENROUTER PROCESSING", stream.items.get(0).comment());
        assertTrue(stream.items.get(1).isData());
        assertEquals("[DONE]", stream.lastData());
    }

    @Test
    void shouldAlwaysStreamUsageWithCostOnOpenRouter() throws Exception {
        SseCapture stream = client.stream("/api/v1/chat/completions",
                chat("anthropic/claude-3.5-sonnet@chunks=5", "\"stream\":true"), OPENAI);

        List<JsonNode> chunks = stream.json();
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertEquals(PROMPT_TOKENS, usage.path("prompt_tokens").asInt());
        assertEquals(5, usage.path("completion_tokens").asInt());
        assertTrue(usage.path("cost").isNumber());
        assertEquals(OpenAiFlavor.cost(PROMPT_TOKENS, 5).doubleValue(), usage.path("cost").asDouble(), 1e-12);
        assertTrue(usage.path("cost").asDouble() > 0);
    }

    @Test
    void shouldIncludeCostInOpenRouterJsonUsage() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-2").contentType("application/json")
                .body(chat("openai/gpt-4o-mini@chunks=4", ""))
                .when().post("/api/v1/chat/completions")
                .then().statusCode(200)
                .body("model", equalTo("openai/gpt-4o-mini"))
                .body("id", notNullValue())
                .body("usage.completion_tokens", equalTo(4))
                .body("usage.cost", equalTo(OpenAiFlavor.cost(PROMPT_TOKENS, 4).floatValue()));
    }

    @Test
    void shouldSendErrorChunkAfterNChunksAndEndTheStreamOnErrorInStream() throws Exception {
        SseCapture stream = client.stream("/api/v1/chat/completions",
                chat("openai/gpt-4o-mini@chunks=6,error-in-stream=2", "\"stream\":true"), OPENAI);

        assertEquals(200, stream.status);
        assertNull(stream.failure);
        List<JsonNode> chunks = stream.json();
        assertEquals(4, chunks.size());
        assertEquals(" This", chunks.get(2).at("/choices/0/delta/content").asText());
        JsonNode error = chunks.get(3);
        assertEquals(502, error.at("/error/code").asInt());
        assertEquals("Provider returned error", error.at("/error/message").asText());
        assertEquals("error", error.at("/choices/0/finish_reason").asText());
        assertNotEquals("[DONE]", stream.lastData());
    }

    @Test
    void shouldAnswerOpenRouterErrorShapeWithRetryAfter() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body(chat("openai/gpt-4o-mini@status=429,retry-after=3", ""))
                .when().post("/api/v1/chat/completions")
                .then().statusCode(429)
                .header("retry-after", "3")
                .body("error.code", equalTo(429))
                .body("error.message", notNullValue());
    }

    @Test
    void shouldRejectMissingKeyInOpenRouterShape() {
        given().baseUri(simulator.baseUrl()).contentType("application/json").body(chat("openai/gpt-4o-mini", ""))
                .when().post("/api/v1/chat/completions")
                .then().statusCode(401)
                .body("error.code", equalTo(401))
                .body("error.message", equalTo("No auth credentials found"));
    }

    @Test
    void shouldListOpenRouterModelsWithPricing() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1")
                .when().get("/api/v1/models")
                .then().statusCode(200)
                .body("data.id", hasItem("google/gemma-3-27b-it:free"))
                .body("data.find { it.id == 'openai/gpt-4o-mini' }.pricing.prompt", equalTo("0.00000015"))
                .body("data.find { it.id == 'openai/gpt-4o-mini' }.context_length", equalTo(128000));
    }
}
