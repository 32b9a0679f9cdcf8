package io.aigw.e2e.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16 over the running suite: a model that serves only the OpenAI Responses API (created at the simulator
 * provider for this test) called by chat-completions and Anthropic messages clients on both replicas; the gateway
 * translates request, answer and stream to `/v1/responses` of the simulator and back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationToResponsesProviderIT {

    private static final String SENTENCE = "Hello! This is the AIGW provider simulator speaking.";

    private final RunningSuite suite = new RunningSuite();
    private final String model = "responses-only-" + Long.toString(System.nanoTime(), 36);
    private final String address = "simulator:" + model;

    @BeforeAll
    void createAResponsesOnlyModel() {
        ObjectNode m = RunningSuite.JSON.createObjectNode().put("providerId", "simulator").put("modelId", model)
                .put("maxOutputTokens", 4096);
        m.putArray("surfaces").add("openai/responses");
        HttpResponse<String> created = suite.admin("POST", suite.catalogUrl + "/admin/v1/models", m.toString());
        assertEquals(201, created.statusCode(), created.body());
        // Both replicas know the model as Responses-only before the tests. A 200 alone would not show it: the simulator
        // provider passes unlisted names through, so a replica that has not yet received the model answers natively;
        // only a translated call drops chat's `stop`, which the Responses API does not have.
        for (String gateway : suite.gatewayUrls()) {
            Eventually.within(Duration.ofSeconds(20), "model " + model + " translated on " + gateway,
                    () -> suite.gatewayPost(gateway, "/v1/chat/completions", suite.demoAccessKey,
                            chat(",\"stop\":[\"END\"]", "Hi")),
                    r -> r.statusCode() == 200 && "stop".equals(r.headers().firstValue("X-AIGW-Dropped-Fields").orElse(null)));
        }
    }

    @AfterAll
    void deleteTheModel() {
        suite.admin("DELETE", suite.catalogUrl + "/admin/v1/models/simulator/" + model, null);
    }

    private String chat(String extra, String text) {
        return "{\"model\":\"" + address + "\"" + extra + ",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    @Test
    void shouldAnswerAChatCompletionFromAResponsesOnlyModelOnEveryReplica() {
        for (String gateway : suite.gatewayUrls()) {
            HttpResponse<String> response = suite.gatewayPost(gateway, "/v1/chat/completions", suite.demoAccessKey,
                    chat(",\"max_tokens\":64,\"stop\":[\"END\"]", "Hello from e2e"));

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(address, response.headers().firstValue("X-AIGW-Model").orElse(null));
            assertEquals("stop", response.headers().firstValue("X-AIGW-Dropped-Fields").orElse(null));
            JsonNode body = RunningSuite.json(response);
            assertEquals("chat.completion", body.path("object").asText());
            assertEquals(SENTENCE, body.at("/choices/0/message/content").asText());
            assertEquals("stop", body.at("/choices/0/finish_reason").asText());
            assertEquals(8, body.at("/usage/completion_tokens").asInt());
        }
    }

    @Test
    void shouldStreamAFunctionCallAsChatChunksWithUsageAndDone() {
        String tools = ",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":"
                + "{\"type\":\"string\"}}}}}],\"tool_choice\":\"required\"";
        HttpResponse<String> response = suite.gatewayPost("/v1/chat/completions", suite.demoAccessKey,
                chat(tools, "Weather in Paris?"));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        StringBuilder arguments = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("data: {")) {
                continue;
            }
            JsonNode chunk = parse(line.substring(6));
            for (JsonNode call : chunk.at("/choices/0/delta/tool_calls")) {
                arguments.append(call.at("/function/arguments").asText(""));
            }
            if (chunk.at("/choices/0/finish_reason").isTextual()) {
                finish = chunk.at("/choices/0/finish_reason").asText();
            }
            if (chunk.path("usage").isObject()) {
                usage = chunk.get("usage");
            }
        }
        assertEquals("{\"city\":\"simulated\"}", arguments.toString());
        assertEquals("tool_calls", finish);
        assertTrue(usage != null && usage.path("total_tokens").asInt() > 0, response.body());
        assertTrue(response.body().strip().endsWith("data: [DONE]"), response.body());
    }

    private static JsonNode parse(String json) {
        try {
            return RunningSuite.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Test
    void shouldAnswerAnAnthropicMessagesCallFromAResponsesOnlyModel() {
        HttpResponse<String> response = suite.gatewayPost("/v1/messages", suite.demoAccessKey, "{\"model\":\"" + address
                + "\",\"max_tokens\":64,\"system\":\"Be brief.\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = RunningSuite.json(response);
        assertEquals("message", body.path("type").asText());
        assertEquals(SENTENCE, body.at("/content/0/text").asText());
        assertEquals("end_turn", body.path("stop_reason").asText());
    }
}
