package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAI-format streams: the gateway asks upstream for usage and hides that chunk from clients that did not ask. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class StreamUsageTest {

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static ExtractableResponse<Response> stream(String path, String body) {
        return given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(200).extract();
    }

    @Test
    void shouldMeterReportedTokensWithoutShowingAUsageChunkTheClientDidNotAskFor() throws Exception {
        try (UsageEventsReader reader = new UsageEventsReader()) {
            ExtractableResponse<Response> response = stream("/v1/chat/completions",
                    "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}");
            String sse = response.asString();
            assertThat(sse, not(containsString("\"choices\":[]")));
            assertThat(sse, not(containsString("\"prompt_tokens\"")));
            assertThat(sse.trim(), endsWith("data: [DONE]"));
            JsonNode upstream = SimulatorClient.received().get(0).json();
            assertThat(upstream.path("stream_options").path("include_usage").asBoolean(), equalTo(true));

            List<JsonNode> events = reader.eventsOf(response.header(GatewayHeaders.REQUEST_ID), 1);
            assertThat(events.size(), equalTo(1));
            JsonNode tokens = events.get(0).path("tokens");
            assertThat(tokens.path("estimated").asBoolean(), equalTo(false));
            assertThat(tokens.path("input").asLong(), equalTo(("hello there".length() / 4) + 1L));
            assertThat(tokens.path("output").asLong(), equalTo(8L));
        }
    }

    @Test
    void shouldKeepTheUsageChunkAndTheClientsStreamOptionsWhenTheClientAskedAndStillMeterIt() throws Exception {
        try (UsageEventsReader reader = new UsageEventsReader()) {
            ExtractableResponse<Response> response = stream("/v1/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true,"
                    + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            String sse = response.asString();
            assertThat(sse, containsString("\"choices\":[],\"usage\":{"));
            assertThat(SimulatorClient.received().get(0).body(), containsString("\"stream_options\":{\"include_usage\":true}"));

            List<JsonNode> events = reader.eventsOf(response.header(GatewayHeaders.REQUEST_ID), 1);
            JsonNode tokens = events.get(0).path("tokens");
            assertThat(tokens.path("estimated").asBoolean(), equalTo(false));
            assertThat(tokens.path("output").asLong(), equalTo(8L));
        }
    }

    @Test
    void shouldMergeIncludeUsageIntoTheClientsOtherStreamOptions() {
        String sse = stream("/v1/completions", "{\"model\":\"openai:gpt-3.5-turbo-instruct\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":false,\"x\":1},\"prompt\":\"hi\"}").asString();
        assertThat(sse, not(containsString("\"choices\":[]")));
        JsonNode options = SimulatorClient.received().get(0).json().path("stream_options");
        assertThat(options.path("include_usage").asBoolean(), equalTo(true));
        assertThat(options.path("x").asInt(), equalTo(1));
    }
}
