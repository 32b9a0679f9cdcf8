package io.aigw.gateway.translate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.SimulatorClient.Recorded;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chat-completions to an Anthropic-only provider, translated both ways, against the simulator's `/v1/messages`. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class AnthropicTranslationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOOLS = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}}}]";

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static Response chat(String body) {
        return given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(body)
                .when().post("/v1/chat/completions");
    }

    private static List<JsonNode> chunks(String sse) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                list.add(MAPPER.readTree(line.substring(6)));
            }
        }
        return list;
    }

    @Test
    void shouldAnswerAChatCompletionFromAnAnthropicModel() {
        Response response = chat("{\"model\":\"anthropic:claude-sonnet-4-5\",\"temperature\":0.3,\"stop\":[\"END\"],"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hello there\"}]}");
        response.then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header(GatewayHeaders.MODEL, "anthropic:claude-sonnet-4-5")
                .header(GatewayHeaders.PROVIDER, "anthropic")
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("claude-sonnet-4-5-20250929"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", startsWith("Hello!"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(("Be brief.Hello there".length() / 4) + 1))
                .body("usage.completion_tokens", equalTo(8));

        List<Recorded> received = SimulatorClient.received();
        assertThat(received.size(), equalTo(1));
        Recorded upstream = received.get(0);
        assertThat(upstream.path(), equalTo("/v1/messages"));
        assertThat(upstream.header("x-api-key"), equalTo("sim-key-1"));
        assertThat(upstream.header("authorization"), nullValue());
        assertThat(upstream.header("anthropic-version"), equalTo("2023-06-01"));
        JsonNode body = upstream.json();
        assertThat(body.path("model").asText(), equalTo("claude-sonnet-4-5-20250929"));
        assertThat(body.path("max_tokens").asInt(), equalTo(OpenAiToAnthropicTranslator.DEFAULT_MAX_TOKENS));
        assertThat(body.path("system").get(0).path("text").asText(), equalTo("Be brief."));
        assertThat(body.path("stop_sequences").get(0).asText(), equalTo("END"));
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText(), equalTo("Hello there"));
    }

    @Test
    void shouldReportLengthWhenTheAnswerIsCutByMaxTokens() {
        chat("{\"model\":\"anthropic:claude-sonnet-4-5\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("length"))
                .body("usage.completion_tokens", equalTo(3));
        assertThat(SimulatorClient.received().get(0).json().path("max_tokens").asInt(), equalTo(3));
    }

    @Test
    void shouldTranslateAToolUseIntoToolCalls() throws Exception {
        Response response = chat("{\"model\":\"anthropic:claude-sonnet-4-5@tool=1\",\"tool_choice\":\"required\"" + TOOLS
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}");
        response.then().statusCode(200)
                .body("choices[0].finish_reason", equalTo("tool_calls"))
                .body("choices[0].message.tool_calls[0].type", equalTo("function"))
                .body("choices[0].message.tool_calls[0].function.name", equalTo("get_weather"));
        String arguments = response.path("choices[0].message.tool_calls[0].function.arguments");
        assertThat(MAPPER.readTree(arguments).path("city").asText(), equalTo("simulated"));
        JsonNode upstream = SimulatorClient.received().get(0).json();
        assertThat(upstream.path("tools").get(0).path("input_schema").path("required").get(0).asText(), equalTo("city"));
        assertThat(upstream.path("tool_choice").path("type").asText(), equalTo("any"));
    }

    @Test
    void shouldStreamAnAnthropicAnswerAsChatCompletionChunksWithUsageWhenAsked() throws Exception {
        String sse = chat("{\"model\":\"anthropic:claude-sonnet-4-5\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(200).contentType(startsWith("text/event-stream"))
                .header(GatewayHeaders.MODEL, "anthropic:claude-sonnet-4-5")
                .extract().asString();
        assertThat(sse.trim(), endsWith("data: [DONE]"));
        assertThat(sse, not(containsString("event:")));
        List<JsonNode> chunks = chunks(sse);
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asText("")));
        assertThat(text.toString(), equalTo("Hello! This is the AIGW provider simulator speaking."));
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText(), equalTo("assistant"));
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asText(), equalTo("stop"));
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertThat(usage.path("choices").size(), equalTo(0));
        assertThat(usage.at("/usage/completion_tokens").asInt(), equalTo(8));
        assertThat(SimulatorClient.received().get(0).json().path("stream").asBoolean(), equalTo(true));
        assertThat(SimulatorClient.received().get(0).json().has("stream_options"), equalTo(false));
    }

    @Test
    void shouldStreamToolCallArgumentsAsDeltas() throws Exception {
        String sse = chat("{\"model\":\"anthropic:claude-sonnet-4-5@tool=1\",\"stream\":true,\"tool_choice\":\"required\""
                + TOOLS + ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}")
                .then().statusCode(200).extract().asString();
        List<JsonNode> chunks = chunks(sse);
        assertThat(sse, not(containsString("\"usage\"")));
        StringBuilder arguments = new StringBuilder();
        String name = null;
        for (JsonNode chunk : chunks) {
            JsonNode call = chunk.at("/choices/0/delta/tool_calls/0");
            if (!call.isMissingNode()) {
                assertThat(call.path("index").asInt(), equalTo(0));
                if (call.at("/function/name").isTextual()) {
                    name = call.at("/function/name").asText();
                }
                arguments.append(call.at("/function/arguments").asText(""));
            }
        }
        assertThat(name, equalTo("get_weather"));
        assertThat(MAPPER.readTree(arguments.toString()).path("city").asText(), equalTo("simulated"));
        assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText(), equalTo("tool_calls"));
    }

    @Test
    void shouldAnswerAnUpstreamAnthropicErrorInTheOpenAiEnvelope() {
        chat("{\"model\":\"anthropic:claude-sonnet-4-5@status=404\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(404)
                .body("error.code", equalTo("not_found"))
                .body("error.type", equalTo("not_found_error"))
                .body("error.message", containsString("model: claude-sonnet-4-5"))
                .body("type", nullValue());
        chat("{\"model\":\"anthropic:claude-sonnet-4-5@status=529\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(502)
                .body("error.code", equalTo("all_attempts_failed"))
                .body("error.type", equalTo("api_error"));
    }

    @Test
    void shouldEndATranslatedStreamWithAnOpenAiErrorEventWhenAnthropicFailsMidStream() {
        String sse = chat("{\"model\":\"anthropic:claude-sonnet-4-5@error-in-stream=2\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(200).extract().asString();
        assertThat(sse, containsString("\"code\":\"all_attempts_failed\""));
        assertThat(sse, containsString("Overloaded"));
        assertThat(sse, not(containsString("event: error")));
        assertThat(sse, not(containsString("[DONE]")));
    }

    @Test
    void shouldRefuseAnUntranslatableRequestBeforeAnyAttempt() {
        chat("{\"model\":\"anthropic:claude-sonnet-4-5\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}")
                .then().statusCode(400).body("error.code", equalTo("invalid_request"));
        assertThat(SimulatorClient.received().size(), equalTo(0));
    }

    @Test
    void shouldMeterReportedAnthropicTokensForATranslatedStream() throws Exception {
        try (UsageEventsReader reader = new UsageEventsReader()) {
            String requestId = chat("{\"model\":\"anthropic:claude-sonnet-4-5\",\"stream\":true,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .then().statusCode(200).extract().header(GatewayHeaders.REQUEST_ID);
            List<JsonNode> events = reader.eventsOf(requestId, 1);
            assertThat(events.size(), equalTo(1));
            JsonNode tokens = events.get(0).path("tokens");
            assertThat(tokens.path("estimated").asBoolean(), equalTo(false));
            assertThat(tokens.path("output").asLong(), equalTo(8L));
            assertThat(tokens.path("input").asLong(), equalTo(1L));
            assertThat(events.get(0).path("surface").asText(), equalTo("openai/chat-completions"));
        }
    }
}
