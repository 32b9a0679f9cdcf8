package io.aigw.gateway.translate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Metrics;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** `/v1/messages` to a chat-completions-only provider (OpenRouter) over raw HTTP: what the SDK test cannot see. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class MessagesToChatTest {

    private static final String MODEL = "openrouter:anthropic/claude-3.5-sonnet";

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static final String DROPPED_TOP_K = "aigw_translation_dropped_fields_total{field=\"top_k\","
            + "from=\"anthropic/messages\",to=\"openai/chat-completions\"}";

    private static Response messages(String body) {
        return given().header("x-api-key", TestKeys.ALLOW_ALL).header("anthropic-version", "2023-06-01")
                .contentType(ContentType.JSON).body(body).when().post("/v1/messages");
    }

    @Test
    void shouldNameFieldsWithNoChatSlotInTheDroppedFieldsHeaderAndCountThem() {
        double before = Metrics.value(DROPPED_TOP_K);
        messages("{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"top_k\":5,\"thinking\":{\"type\":\"enabled\","
                + "\"budget_tokens\":1024},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(200)
                .header(GatewayHeaders.DROPPED_FIELDS, equalTo("top_k, thinking"))
                .header(GatewayHeaders.MODEL, equalTo(MODEL))
                .body("type", equalTo("message"));
        JsonNode upstream = SimulatorClient.received("/api/v1/chat/completions").get(0).json();
        assertThat(upstream.has("top_k"), equalTo(false));
        assertThat(upstream.has("thinking"), equalTo(false));
        assertThat(Metrics.value(DROPPED_TOP_K) - before, equalTo(1.0));
    }

    @Test
    void shouldSendImagesAsImageUrlPartsAndTheUserIdAsUser() {
        messages("{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"metadata\":{\"user_id\":\"u-1\"},\"messages\":[{\"role\":"
                + "\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is this?\"},{\"type\":\"image\",\"source\":"
                + "{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}},{\"type\":\"image\","
                + "\"source\":{\"type\":\"url\",\"url\":\"https://example.com/cat.jpg\"}}]}]}")
                .then().statusCode(200).header(GatewayHeaders.DROPPED_FIELDS, nullValue());
        JsonNode parts = SimulatorClient.received("/api/v1/chat/completions").get(0).json().at("/messages/0/content");
        assertThat(parts.at("/0/text").asText(), equalTo("What is this?"));
        assertThat(parts.at("/1/image_url/url").asText(), equalTo("data:image/png;base64,iVBORw0KGgo="));
        assertThat(parts.at("/2/image_url/url").asText(), equalTo("https://example.com/cat.jpg"));
        assertThat(SimulatorClient.received("/api/v1/chat/completions").get(0).json().path("user").asText(), equalTo("u-1"));
    }

    @Test
    void shouldStreamTheAnthropicEventSequence() {
        String sse = messages("{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(200).contentType(startsWith("text/event-stream")).extract().asString();
        List<String> names = sse.lines().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).distinct().toList();
        assertThat(names, equalTo(List.of("message_start", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop")));
        assertThat(sse, not(containsString("[DONE]")));
        assertThat(sse, not(containsString("OPENROUTER PROCESSING")));
        assertThat(sse, containsString("\"stop_reason\":\"end_turn\""));
    }

    @Test
    void shouldReportMaxTokensWhenTheChatAnswerIsCut() {
        messages("{\"model\":\"" + MODEL + "\",\"max_tokens\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(200).body("stop_reason", equalTo("max_tokens")).body("usage.output_tokens", equalTo(3));
    }

    @Test
    void shouldEndTheStreamWithAnAnthropicErrorEventWhenTheProviderFailsMidStream() {
        String sse = messages("{\"model\":\"" + MODEL + "@error-in-stream=2\",\"max_tokens\":64,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").then().statusCode(200).extract().asString();
        assertThat(sse, containsString("event: error"));
        assertThat(sse, containsString("\"type\":\"error\""));
        assertThat(sse, not(containsString("message_stop")));
    }

    @Test
    void shouldRecordTheCandidateThatCouldNotBeTranslatedOnTheAttemptTrace() throws Exception {
        String document = "{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"text\","
                + "\"media_type\":\"text/plain\",\"data\":\"A text.\"}},{\"type\":\"text\",\"text\":\"Summarise.\"}]}";
        try (io.aigw.gateway.support.UsageEventsReader usage = new io.aigw.gateway.support.UsageEventsReader()) {
            String requestId = messages("{\"model\":\"" + MODEL + "\",\"models\":[\"anthropic:claude-sonnet-4-5\"],"
                    + "\"max_tokens\":64,\"messages\":[" + document + "]}").then().statusCode(200)
                    .extract().header(GatewayHeaders.REQUEST_ID);
            List<JsonNode> attempts = usage.eventsOf(requestId, 1);
            assertThat(attempts.size(), equalTo(1));
            assertThat(attempts.get(0).path("providerId").asText(), equalTo("anthropic"));
            JsonNode skipped = attempts.get(0).path("skipped").get(0);
            assertThat(skipped.path("model").asText(), equalTo(MODEL));
            assertThat(skipped.path("reason").asText(), equalTo("untranslatable"));
            assertThat(skipped.path("detail").asText(), startsWith("openai/chat-completions: "));
            assertThat(skipped.path("detail").asText(), containsString("document"));
        }
    }

    @Test
    void shouldSkipACandidateTheRequestCannotBeTranslatedToAndServeTheNextNatively() {
        String document = "{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"text\","
                + "\"media_type\":\"text/plain\",\"data\":\"A text.\"}},{\"type\":\"text\",\"text\":\"Summarise.\"}]}";
        messages("{\"model\":\"" + MODEL + "\",\"models\":[\"anthropic:claude-sonnet-4-5\"],\"max_tokens\":64,"
                + "\"messages\":[" + document + "]}")
                .then().statusCode(200)
                .header(GatewayHeaders.MODEL, equalTo("anthropic:claude-sonnet-4-5"))
                .header(GatewayHeaders.SKIPPED, containsString(MODEL + " (openai/chat-completions)"))
                .header(GatewayHeaders.SKIPPED, containsString("document"))
                .header(GatewayHeaders.DROPPED_FIELDS, nullValue());
        assertThat(SimulatorClient.received("/api/v1/chat/completions").size(), equalTo(0));
        assertThat(SimulatorClient.received("/v1/messages").size(), equalTo(1));

        SimulatorClient.clear();
        messages("{\"model\":\"" + MODEL + "\",\"max_tokens\":64,\"messages\":[" + document + "]}")
                .then().statusCode(400).body("type", equalTo("error"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("document"));
        assertThat(SimulatorClient.received().size(), equalTo(0));
    }

    @Test
    void shouldLeaveANativeAnthropicAnswerUntouched() {
        messages("{\"model\":\"anthropic:claude-sonnet-4-5\",\"max_tokens\":64,\"top_k\":5,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .then().statusCode(200).header(GatewayHeaders.DROPPED_FIELDS, nullValue())
                .body("id", startsWith("msg_"));
        assertThat(SimulatorClient.received("/v1/messages").get(0).json().path("top_k").asInt(), equalTo(5));
    }
}
