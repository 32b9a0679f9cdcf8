package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestDocuments;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams that never lose bytes (issue 14), against the provider simulator (test settings: 1.5 s per attempt, 4 s
 * total).
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class StreamSafetyTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    private HttpResponse<InputStream> open(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("authorization", "Bearer " + TestKeys.ALLOW_ALL).header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private record Stream(HttpResponse<InputStream> response, List<String> lines) {
        String body() {
            return String.join("\n", lines);
        }

        long count(String regex) {
            return lines.stream().filter(l -> l.matches(regex)).count();
        }
    }

    private Stream stream(String path, String body) throws Exception {
        HttpResponse<InputStream> response = open(path, body);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            lines.add("<<" + e.getClass().getSimpleName() + ">>");
        }
        return new Stream(response, lines);
    }

    private static String chat(String model, String... fallbacks) {
        String models = fallbacks.length == 0 ? "" : ",\"models\":[\"" + String.join("\",\"", fallbacks) + "\"]";
        return "{\"model\":\"" + model + "\"" + models
                + ",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Test
    void shouldDeliverEveryEventSentBeforeABreakThenTheErrorEventOnPooledConnections() throws Exception {
        stream("/v1/chat/completions", chat("openai:warm")); // a pooled connection to the simulator
        for (int i = 0; i < 6; i++) {
            Stream s = stream("/v1/chat/completions", chat("openai:m@break-after=5"));
            assertThat(s.response().statusCode(), equalTo(200));
            assertThat("try " + i + ": " + s.body(), s.count("data: .*\"content\":\"[^\"].*"), equalTo(5L));
            String last = s.lines().stream().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElse("");
            assertThat(last, containsString("\"code\":\"all_attempts_failed\""));
        }
        for (int i = 0; i < 3; i++) {
            Stream s = stream("/v1/messages", "{\"model\":\"anthropic:claude-x@break-after=4\",\"max_tokens\":50,"
                    + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            assertThat("try " + i + ": " + s.body(), s.count("data: .*\"text_delta\".*"), equalTo(4L));
            assertThat(s.body(), containsString("event: error"));
        }
    }

    @Test
    void shouldFailOverWhenTheFirstEventIsAnError() throws Exception {
        Stream s = stream("/v1/chat/completions", chat("openai:m@error-in-stream=0", "backup:gpt-4o-mini"));
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.response().headers().firstValue(GatewayHeaders.MODEL).orElse(""), equalTo("backup:gpt-4o-mini"));
        assertThat(s.response().headers().firstValue(GatewayHeaders.ATTEMPTS).orElse(""), equalTo("2"));
        assertThat(s.body(), not(containsString("\"error\"")));
        assertThat(s.body().trim(), endsWith("data: [DONE]"));

        Stream m = stream("/v1/messages", "{\"model\":\"anthropic:claude-x@error-in-stream=0\",\"models\":"
                + "[\"anthropic:claude-sonnet-4-5\"],\"max_tokens\":50,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(m.response().headers().firstValue(GatewayHeaders.MODEL).orElse(""),
                equalTo("anthropic:claude-sonnet-4-5"));
        assertThat(m.body(), not(containsString("event: error")));
        assertThat(m.body(), containsString("event: message_stop"));
    }

    @Test
    void shouldMaskTheProviderKeyInAnErrorEventRelayedFromTheUpstreamMidStream() throws Exception {
        String key = TestDocuments.KEY_VALUES.get("pk_openai1"); // the simulator's error message quotes it whole
        Stream s = stream("/v1/chat/completions", chat("openai:m@error-in-stream=3,error-echoes-key=1"));
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.body(), containsString("\"error\""));
        assertThat(s.body(), containsString("[redacted]"));
        assertThat(s.body(), containsString("failed: The server had an error"));
        for (int i = 0; i + 6 <= key.length(); i++) {
            assertThat("no 6 characters of the key", s.body(), not(containsString(key.substring(i, i + 6))));
        }

        Stream m = stream("/v1/messages", "{\"model\":\"anthropic:claude-x@error-in-stream=2,error-echoes-key=1\","
                + "\"max_tokens\":50,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(m.body(), containsString("event: error"));
        assertThat(m.body(), containsString("[redacted]"));
        assertThat(m.body(), not(containsString(key.substring(0, 6))));
        assertThat(m.body(), not(containsString(key.substring(key.length() - 6))));
    }

    @Test
    void shouldRelayAJsonAnswerToAStreamRequestWithItsUsage() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            io.restassured.response.Response r = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                    .body(chat("openai:m@json-to-stream=1")).when().post("/v1/chat/completions");
            r.then().statusCode(200).header("content-type", startsWith("application/json"))
                    .body("choices[0].message.content", containsString("Hello!"));
            List<JsonNode> events = usage.eventsOf(r.header(GatewayHeaders.REQUEST_ID), 1);
            assertThat(events.get(0).path("outcome").asText(), equalTo("success"));
            assertThat(events.get(0).path("tokens").path("output").asInt(), equalTo(8));
            assertThat(events.get(0).path("tokens").path("estimated").asBoolean(), equalTo(false));
        }
    }

    @Test
    void shouldCancelTheUpstreamAndRecordClientCancelledWhenTheClientLeavesMidStream() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            HttpResponse<InputStream> response = open("/v1/chat/completions",
                    chat("openai:m@chunks=100,chunk-interval-ms=100"));
            String requestId = response.headers().firstValue(GatewayHeaders.REQUEST_ID).orElseThrow();
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            for (int i = 0; i < 6; i++) {
                reader.readLine();
            }
            response.body().close();
            List<JsonNode> events = usage.eventsOf(requestId, 1);
            assertThat(events.get(0).path("outcome").asText(), equalTo("client_cancelled"));
            assertThat(events.get(0).path("final").asBoolean(), equalTo(true));
            long until = System.currentTimeMillis() + 3_000;
            while (openStreams() > 0 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertThat("the upstream stream was cancelled", openStreams(), equalTo(0));
        }
    }

    @Test
    void shouldKeepAStreamThatStartedLateAliveThroughGapsShorterThanTheAttemptTimeout() throws Exception {
        // two attempts time out (1.5 s each): the third starts with 1 s of the 4 s total left, then pauses 1.2 s
        Stream s = stream("/v1/chat/completions", chat("openai:a@hang=1", "openai:b@hang=1",
                "backup:late@chunks=3,chunk-interval-ms=1200"));
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.response().headers().firstValue(GatewayHeaders.MODEL).orElse(""),
                equalTo("backup:late@chunks=3,chunk-interval-ms=1200"));
        assertThat(s.body(), not(containsString("\"error\"")));
        assertThat(s.body().trim(), endsWith("data: [DONE]"));
    }

    @Test
    void shouldTranslateAFallbackOnlyWhenItsAttemptComes() {
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"openai:gpt-4o\",\"models\":[\"anthropic:claude-sonnet-4-5\"],\"messages\":[]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200).header(GatewayHeaders.MODEL, "openai:gpt-4o");
        given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"anthropic:claude-sonnet-4-5\",\"messages\":[]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("messages"));
    }

    private static int openStreams() {
        return given().get(SimulatorClient.baseUrl() + "/_sim/health").then().extract().path("openStreams");
    }
}
