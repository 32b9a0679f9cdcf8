package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.ANTHROPIC;
import static io.aigw.e2e.simulator.SimulatorClient.OPENAI;
import static io.aigw.e2e.simulator.SimulatorClient.anthropicMessage;
import static io.aigw.e2e.simulator.SimulatorClient.chat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripted statuses, sequences, failing keys, headers and request validation. */
class BehaviorScriptingTest extends SimulatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void shouldAnswerScriptedOpenAiRateLimitWithRetryAfter() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body(chat("gpt-4o-mini@status=429,retry-after=1", ""))
                .when().post("/v1/chat/completions")
                .then().statusCode(429)
                .header("retry-after", "1")
                .body("error.type", equalTo("requests"))
                .body("error.code", equalTo("rate_limit_exceeded"))
                .body("error.message", startsWith("Rate limit reached for gpt-4o-mini"));
    }

    @Test
    void shouldAnswerScriptedOpenAiServerError() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body(chat("gpt-4o-mini@status=500", ""))
                .when().post("/v1/chat/completions")
                .then().statusCode(500)
                .body("error.type", equalTo("server_error"));
    }

    @ParameterizedTest
    @CsvSource({"429, rate_limit_error", "529, overloaded_error", "503, overloaded_error", "500, api_error",
                "404, not_found_error", "403, permission_error"})
    void shouldAnswerScriptedAnthropicStatusesInAnthropicShape(int status, String type) throws Exception {
        HttpResponse<String> response = client.post("/v1/messages",
                anthropicMessage("claude-sonnet-4-5@status=" + status, ""), ANTHROPIC);

        assertEquals(status, response.statusCode());
        JsonNode body = MAPPER.readTree(response.body());
        assertEquals("error", body.path("type").asText());
        assertEquals(type, body.at("/error/type").asText());
    }

    @Test
    void shouldTakeBehaviorFromHeaderAsWellAsFromModel() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1")
                .header("x-sim-behavior", "status=503,retry-after=2").contentType("application/json")
                .body(chat("gpt-4o-mini", ""))
                .when().post("/v1/chat/completions")
                .then().statusCode(503)
                .header("retry-after", "2")
                .body("error.type", equalTo("server_error"));
    }

    @Test
    void shouldWalkStatusSequencePerScenarioRepeatingTheLastStatus() throws Exception {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(client.post("/v1/chat/completions",
                    chat("gpt-4o@status-seq=429,429,200,scenario=walk-a", ""), OPENAI).statusCode());
            if (i < 2) {
                second.add(client.post("/v1/chat/completions",
                        chat("gpt-4o@status-seq=500,200,scenario=walk-b", ""), OPENAI).statusCode());
            }
        }

        assertEquals(List.of(429, 429, 200, 200), first);
        assertEquals(List.of(500, 200), second);
    }

    @Test
    void shouldRestartScenariosWhenReset() throws Exception {
        String body = chat("gpt-4o@status-seq=502,200,scenario=restart", "");
        assertEquals(502, client.post("/v1/chat/completions", body, OPENAI).statusCode());
        assertEquals(200, client.post("/v1/chat/completions", body, OPENAI).statusCode());

        simulator.resetScenarios();

        assertEquals(502, client.post("/v1/chat/completions", body, OPENAI).statusCode());
    }

    @Test
    void shouldFailOnlyTheScriptedKey() throws Exception {
        String body = chat("gpt-4o@fail-key=sim-key-1:401,fail-key=sim-key-2:200", "");

        HttpResponse<String> first = client.post("/v1/chat/completions", body, "authorization", "Bearer sim-key-1");
        HttpResponse<String> second = client.post("/v1/chat/completions", body, "authorization", "Bearer sim-key-2");

        assertEquals(401, first.statusCode());
        assertEquals("invalid_api_key", MAPPER.readTree(first.body()).at("/error/code").asText());
        assertEquals(200, second.statusCode());
    }

    @Test
    void shouldAddProviderRateLimitHeadersWhenAsked() throws Exception {
        HttpResponse<String> openAi = client.post("/v1/chat/completions", chat("gpt-4o@ratelimit-headers=1", ""), OPENAI);
        HttpResponse<String> limited = client.post("/v1/chat/completions",
                chat("gpt-4o@ratelimit-headers=1,status=429", ""), OPENAI);
        HttpResponse<String> anthropic = client.post("/v1/messages",
                anthropicMessage("claude@ratelimit-headers=1", ""), ANTHROPIC);
        HttpResponse<String> plain = client.post("/v1/chat/completions", chat("gpt-4o", ""), OPENAI);

        assertEquals("9999", openAi.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
        assertEquals("0", limited.headers().firstValue("x-ratelimit-remaining-requests").orElseThrow());
        assertEquals("49", anthropic.headers().firstValue("anthropic-ratelimit-requests-remaining").orElseThrow());
        assertTrue(plain.headers().firstValue("x-ratelimit-remaining-requests").isEmpty());
    }

    @Test
    void shouldRejectUnknownDirectiveWithBadRequestNamingIt() throws Exception {
        HttpResponse<String> response = client.post("/v1/chat/completions", chat("gpt-4o@explode=1", ""), OPENAI);

        assertEquals(400, response.statusCode());
        assertTrue(MAPPER.readTree(response.body()).at("/error/message").asText().contains("'explode'"));
    }

    @Test
    void shouldRejectBodyThatIsNotJson() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body("model=gpt-4o")
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", startsWith("We could not parse the JSON body"));
    }

    @Test
    void shouldRejectBodyWithoutModel() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.param", equalTo("model"))
                .body("error.code", equalTo("missing_required_parameter"));
    }

    @Test
    void shouldAnswerUnknownPathWithProviderNotFound() {
        given().baseUri(simulator.baseUrl()).header("authorization", "Bearer sim-key-1").contentType("application/json")
                .body("{}")
                .when().post("/v1/nothing-here")
                .then().statusCode(404)
                .body("error.message", equalTo("Invalid URL (POST /v1/nothing-here)"));
    }

    @Test
    void shouldDelayTheWholeJsonReplyByLatency() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = client.post("/v1/chat/completions", chat("gpt-4o@latency-ms=250", ""), OPENAI);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertEquals(200, response.statusCode());
        assertTrue(elapsedMs >= 250, "answered after " + elapsedMs + " ms");
    }
}
