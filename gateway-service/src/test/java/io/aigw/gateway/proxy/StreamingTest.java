package io.aigw.gateway.proxy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
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

/** Streams relayed as they arrive, headers held until the first chunk, mid-stream failures (SPEC §1.4). */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class StreamingTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void ready() {
        GatewayReady.await();
    }

    /** A streamed response: its headers and each line with the time it arrived (ms since the request). */
    record Stream(HttpResponse<?> response, List<String> lines, List<Long> arrivals) {
        String body() {
            return String.join("\n", lines);
        }
    }

    private Stream stream(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("authorization", "Bearer " + TestKeys.ALLOW_ALL).header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                arrivals.add((System.nanoTime() - started) / 1_000_000);
            }
        } catch (java.io.IOException e) {
            lines.add("<<" + e.getClass().getSimpleName() + ">>");
            arrivals.add((System.nanoTime() - started) / 1_000_000);
        }
        return new Stream(response, lines, arrivals);
    }

    private static String chat(String model, String... fallbacks) {
        String models = fallbacks.length == 0 ? "" : ",\"models\":[\"" + String.join("\",\"", fallbacks) + "\"]";
        return "{\"model\":\"" + model + "\"" + models
                + ",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Test
    void shouldRelayAStreamWithTheGatewayHeadersAndEveryEvent() throws Exception {
        Stream s = stream("/v1/chat/completions", chat("gpt-4o"));
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.response().headers().firstValue("content-type").orElse(""), startsWith("text/event-stream"));
        assertThat(s.response().headers().firstValue(GatewayHeaders.MODEL).orElse(""), equalTo("openai:gpt-4o"));
        assertThat(s.response().headers().firstValue(GatewayHeaders.ATTEMPTS).orElse(""), equalTo("1"));
        assertThat(s.response().headers().firstValue(GatewayHeaders.REQUEST_ID).orElse(""), startsWith("req_"));
        assertThat(s.body(), containsString("\"chat.completion.chunk\""));
        assertThat(s.body().trim(), endsWith("data: [DONE]"));
    }

    @Test
    void shouldDeliverEachChunkBeforeTheUpstreamProducesTheNext() throws Exception {
        Stream s = stream("/v1/chat/completions", chat("openai:m@chunks=4,chunk-interval-ms=300"));
        List<Long> content = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            if (s.lines().get(i).matches(".*\"content\":\"[^\"].*")) {
                content.add(s.arrivals().get(i));
            }
        }
        assertThat(content.size(), greaterThanOrEqualTo(4));
        for (int i = 1; i < content.size(); i++) {
            assertThat("gap before chunk " + i + " of " + content, content.get(i) - content.get(i - 1),
                    greaterThanOrEqualTo(100L));
        }
    }

    @Test
    void shouldFailOverWhenTheFirstChunkDoesNotComeInTime() throws Exception {
        Stream s = stream("/v1/chat/completions", chat("openai:m@ttft-ms=3000", "backup:gpt-4o-mini"));
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.response().headers().firstValue(GatewayHeaders.MODEL).orElse(""), equalTo("backup:gpt-4o-mini"));
        assertThat(s.response().headers().firstValue(GatewayHeaders.ATTEMPTS).orElse(""), equalTo("2"));
        assertThat(s.body().trim(), endsWith("data: [DONE]"));
    }

    @Test
    void shouldFailOverWhenAStreamedRequestIsRefused() throws Exception {
        Stream s = stream("/v1/chat/completions", chat("openai:m@status=503", "backup:gpt-4o-mini"));
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.response().headers().firstValue(GatewayHeaders.PROVIDER).orElse(""), equalTo("backup"));
    }

    @Test
    void shouldEndAStreamThatBreaksAfterItStartedWithAnOpenAiErrorEvent() throws Exception {
        Stream s = stream("/v1/chat/completions", chat("openai:m@break-after=2", "backup:gpt-4o-mini"));
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.response().headers().firstValue(GatewayHeaders.MODEL).orElse(""), equalTo("openai:m@break-after=2"));
        assertThat(s.body(), containsString("data: {\"error\":{\"message\":"));
        assertThat(s.body(), containsString("\"code\":\"all_attempts_failed\""));
        assertThat(s.body(), not(containsString("[DONE]")));
    }

    @Test
    void shouldEndABrokenMessagesStreamWithAnAnthropicErrorEvent() throws Exception {
        Stream s = stream("/v1/messages", "{\"model\":\"anthropic:claude-x@break-after=2\",\"max_tokens\":50,"
                + "\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(s.response().statusCode(), equalTo(200));
        assertThat(s.body(), containsString("event: message_start"));
        assertThat(s.body(), containsString("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\""));
    }
}
