package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.ANTHROPIC;
import static io.aigw.e2e.simulator.SimulatorClient.anthropicMessage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.e2e.simulator.content.SimulatedText;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicMessagesTest extends SimulatorTest {

    private static final String SYSTEM = "You are terse.";
    private static final String PROMPT = "Hello there, simulator!";
    private static final String WEATHER_TOOL = "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather\","
            + "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]";


    private static RequestSpecification anthropic() {
        return given().baseUri(simulator.baseUrl()).header("x-api-key", "sim-key-1")
                .header("anthropic-version", "2023-06-01").contentType("application/json");
    }

    @Test
    void shouldAnswerMessageWithTextBlockStopReasonAndUsage() {
        anthropic().body("{\"model\":\"claude-sonnet-4-5@chunks=8\",\"max_tokens\":256,\"system\":\"" + SYSTEM + "\","
                        + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"" + PROMPT + "\"}]}]}")
                .when().post("/v1/messages")
                .then().statusCode(200)
                .body("type", equalTo("message"))
                .body("role", equalTo("assistant"))
                .body("model", equalTo("claude-sonnet-4-5"))
                .body("content[0].type", equalTo("text"))
                .body("content[0].text", equalTo(SimulatedText.SENTENCE))
                .body("stop_reason", equalTo("end_turn"))
                .body("usage.input_tokens", equalTo((SYSTEM.length() + PROMPT.length()) / 4 + 1))
                .body("usage.output_tokens", equalTo(8));
    }

    @Test
    void shouldStreamAnthropicEventsInTheRealOrder() throws Exception {
        SseCapture stream = client.stream("/v1/messages",
                anthropicMessage("claude-sonnet-4-5@chunks=3", "\"stream\":true"), ANTHROPIC);

        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"),
                stream.eventNames());
        List<JsonNode> events = stream.json();
        for (int i = 0; i < events.size(); i++) {
            assertEquals(stream.eventNames().get(i), events.get(i).path("type").asText());
        }
        assertEquals("claude-sonnet-4-5", events.get(0).at("/message/model").asText());
        assertEquals(PROMPT.length() / 4 + 1, events.get(0).at("/message/usage/input_tokens").asInt());
        StringBuilder text = new StringBuilder();
        events.subList(3, 6).forEach(e -> {
            assertEquals("text_delta", e.at("/delta/type").asText());
            text.append(e.at("/delta/text").asText());
        });
        assertEquals(SimulatedText.text(3), text.toString());
        assertEquals("end_turn", events.get(7).at("/delta/stop_reason").asText());
        assertEquals(3, events.get(7).at("/usage/output_tokens").asInt());
        assertNull(stream.failure);
    }

    @Test
    void shouldAnswerToolUseBlockWhenToolsAreOfferedAndToolDirectiveIsSet() {
        anthropic().body(anthropicMessage("claude-sonnet-4-5@tool=1", WEATHER_TOOL))
                .when().post("/v1/messages")
                .then().statusCode(200)
                .body("stop_reason", equalTo("tool_use"))
                .body("content[0].type", equalTo("tool_use"))
                .body("content[0].name", equalTo("get_weather"))
                .body("content[0].input.city", equalTo("simulated"));
    }

    @Test
    void shouldAnswerToolUseWhenToolChoiceForcesTheTool() {
        anthropic().body(anthropicMessage("claude-sonnet-4-5",
                        WEATHER_TOOL + ",\"tool_choice\":{\"type\":\"tool\",\"name\":\"get_weather\"}"))
                .when().post("/v1/messages")
                .then().statusCode(200)
                .body("content[0].type", equalTo("tool_use"));
    }

    @Test
    void shouldStreamToolUseAsInputJsonDeltas() throws Exception {
        SseCapture stream = client.stream("/v1/messages",
                anthropicMessage("claude-sonnet-4-5@tool=1,chunks=3", WEATHER_TOOL + ",\"stream\":true"), ANTHROPIC);

        List<JsonNode> events = stream.json();
        assertEquals("tool_use", events.get(1).at("/content_block/type").asText());
        assertEquals("get_weather", events.get(1).at("/content_block/name").asText());
        List<String> partials = new ArrayList<>();
        events.stream().filter(e -> e.path("type").asText().equals("content_block_delta")).forEach(e -> {
            assertEquals("input_json_delta", e.at("/delta/type").asText());
            partials.add(e.at("/delta/partial_json").asText());
        });
        assertEquals(3, partials.size());
        assertEquals("simulated", new ObjectMapper().readTree(String.join("", partials)).path("city").asText());
        assertEquals("tool_use", events.get(events.size() - 2).at("/delta/stop_reason").asText());
    }

    @Test
    void shouldEndStreamWithErrorEventOnErrorInStream() throws Exception {
        SseCapture stream = client.stream("/v1/messages",
                anthropicMessage("claude-sonnet-4-5@chunks=4,error-in-stream=1", "\"stream\":true"), ANTHROPIC);

        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta", "error"),
                stream.eventNames());
        assertEquals("overloaded_error", stream.json().get(4).at("/error/type").asText());
        assertNull(stream.failure);
    }

    @Test
    void shouldRejectRequestWithoutAnthropicVersionHeader() {
        given().baseUri(simulator.baseUrl()).header("x-api-key", "sim-key-1").contentType("application/json")
                .body(anthropicMessage("claude-sonnet-4-5", ""))
                .when().post("/v1/messages")
                .then().statusCode(400)
                .body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", equalTo("anthropic-version: header is required"));
    }

    @Test
    void shouldRejectRequestWithoutMaxTokens() {
        anthropic().body("{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .when().post("/v1/messages")
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", equalTo("max_tokens: Field required"));
    }

    @Test
    void shouldListAnthropicModelsWhenAnthropicVersionIsSent() {
        anthropic().when().get("/v1/models")
                .then().statusCode(200)
                .body("data[0].type", equalTo("model"))
                .body("data.id", hasItem("claude-sonnet-4-5-20250929"))
                .body("has_more", equalTo(false));
    }
}
