package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * System tests over the real, running suite: the four services, Kafka, PostgreSQL, Redis and the
 * provider simulator, as {@code deploy/local/stack up} leaves them (bootstrap.sh registered the
 * simulator as providers {@code simulator} and {@code simulator-anthropic}).
 */
@Order(1)
class GatewayThroughRunningSuiteIT {

    private static final String CHAT = """
            {"model":"simulator:sim-chat","messages":[{"role":"user","content":"Hello from e2e"}]}""";

    private final RunningSuite suite = new RunningSuite();

    @Test
    void shouldAnswerAChatCompletionFromTheSimulatorThroughTheGateway() {
        HttpResponse<String> response = suite.gatewayPost("/v1/chat/completions", suite.demoAccessKey, CHAT);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("simulator:sim-chat", response.headers().firstValue("X-AIGW-Model").orElse(null));
        assertTrue(response.headers().firstValue("X-AIGW-Request-Id").orElse("").startsWith("req_"));
        assertEquals("chat.completion", RunningSuite.json(response).path("object").asText());
    }

    @Test
    void shouldStreamServerSentEventsEndingWithDone() {
        HttpResponse<String> response = suite.gatewayPost("/v1/chat/completions", suite.demoAccessKey, """
                {"model":"sim-chat","stream":true,"messages":[{"role":"user","content":"Hi"}]}""");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        assertTrue(response.body().contains("chat.completion.chunk"), response.body());
        assertTrue(response.body().strip().endsWith("data: [DONE]"), response.body());
    }

    @Test
    void shouldServeAnAnthropicMessagesCallWithXApiKey() {
        HttpResponse<String> response = suite.gatewayPost("/v1/messages", suite.demoAccessKey, """
                {"model":"simulator-anthropic:sim-claude","max_tokens":64,
                 "messages":[{"role":"user","content":"Hi"}]}""");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("message", RunningSuite.json(response).path("type").asText());
    }

    @Test
    void shouldRefuseANewAccessKeyOnceItIsRevoked() {
        JsonNode created = RunningSuite.json(suite.admin("POST", suite.keysUrl + "/admin/v1/access-keys",
                "{\"name\":\"e2e revocation\"}"));
        String token = created.path("token").asText();
        String id = created.path("id").asText();
        assertEquals(200, suite.gatewayPost("/v1/chat/completions", token, CHAT).statusCode());

        assertEquals(200, suite.admin("POST", suite.keysUrl + "/admin/v1/access-keys/" + id + "/revoke", "{}")
                .statusCode());

        HttpResponse<String> refused = Eventually.within(Duration.ofSeconds(20), "revoked key refused",
                () -> suite.gatewayPost("/v1/chat/completions", token, CHAT), r -> r.statusCode() == 401);
        assertEquals("authentication_failed", RunningSuite.json(refused).path("error").path("code").asText());
    }

    @Test
    void shouldRecordEveryAttemptInTheUsageLedger() {
        HttpResponse<String> response = suite.gatewayPost("/v1/chat/completions", suite.demoAccessKey, CHAT);
        String requestId = response.headers().firstValue("X-AIGW-Request-Id").orElseThrow();

        HttpResponse<String> trace = Eventually.within(Duration.ofSeconds(15), "the request's usage trace",
                () -> suite.admin("GET", suite.keysUrl + "/admin/v1/usage/requests/" + requestId, null),
                r -> r.statusCode() == 200 && RunningSuite.json(r).toString().contains("sim-chat"));

        String body = trace.body();
        assertTrue(body.contains("\"providerId\":\"simulator\""), body);
        assertTrue(body.contains(requestId), body);
    }
}
