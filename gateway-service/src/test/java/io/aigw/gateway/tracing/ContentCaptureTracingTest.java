package io.aigw.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestDocuments;
import io.aigw.gateway.support.TestKeys;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Content capture turned on: each attempt's span carries the prompt and the answer text (`gen_ai.input.messages`,
 * `gen_ai.output.messages`), cut at the configured bound, and still no credential. Off (the default), TracingTest
 * checks that no prompt text reaches any span.
 */
@QuarkusTest
@TestProfile(ContentCaptureTracingTest.Capturing.class)
@WithTestResource(GatewayTestResource.class)
class ContentCaptureTracingTest {

    private static final int MAX = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_SPAN = "b7ad6b7169203331";

    /** Tracing on with content capture, text cut at {@value #MAX} characters. */
    public static class Capturing extends TracingProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> base = new HashMap<>(super.getConfigOverrides());
            base.put("aigw.gateway.trace-content-capture", "true");
            base.put("aigw.gateway.trace-content-max-chars", String.valueOf(MAX));
            return base;
        }
    }

    @Inject
    InMemorySpanExporter exporter;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private List<SpanData> attempts(String trace, int count) throws InterruptedException {
        return InMemorySpans.await(exporter, trace, spans -> spans.stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("chat ")).count() == count
                && spans.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)).stream()
                .filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("chat "))
                .sorted(java.util.Comparator.comparing(s -> s.getAttributes().get(GenAiAttributes.ATTEMPT))).toList();
    }

    private static String chat(String trace, String prompt, boolean stream, String fallback) {
        return given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .header("traceparent", "00-" + trace + "-" + CLIENT_SPAN + "-01")
                .body("{\"model\":\"" + (fallback == null ? "gpt-4o" : "openai:capture@status=500")
                        + "\"" + (fallback == null ? "" : ",\"models\":[\"" + fallback + "\"]")
                        + ",\"stream\":" + stream + ",\"messages\":[{\"role\":\"system\",\"content\":\"answer briefly\"},"
                        + "{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(200).extract().asString();
    }

    private static JsonNode attribute(SpanData span, io.opentelemetry.api.common.AttributeKey<String> key) throws Exception {
        String value = span.getAttributes().get(key);
        assertThat(key + " is set", value != null);
        return JSON.readTree(value);
    }

    @Test
    void shouldRecordThePromptAndTheAnswerOnTheAttemptsSpan() throws Exception {
        String trace = "1c0000000000000000000000000000a1";
        String body = chat(trace, "what is the capital of France?", false, null);
        String answer = JSON.readTree(body).path("choices").path(0).path("message").path("content").asText();

        SpanData attempt = attempts(trace, 1).get(0);
        JsonNode input = attribute(attempt, GenAiAttributes.INPUT_MESSAGES);
        assertThat(input.path(0).path("role").asText(), equalTo("system"));
        assertThat(input.path(0).path("parts").path(0).path("content").asText(), equalTo("answer briefly"));
        assertThat(input.path(1).path("role").asText(), equalTo("user"));
        assertThat(input.path(1).path("parts").path(0).path("type").asText(), equalTo("text"));
        assertThat(input.path(1).path("parts").path(0).path("content").asText(), equalTo("what is the capital of France?"));
        JsonNode output = attribute(attempt, GenAiAttributes.OUTPUT_MESSAGES);
        assertThat(output.path(0).path("role").asText(), equalTo("assistant"));
        assertThat(output.path(0).path("parts").path(0).path("content").asText(), equalTo(answer));
        assertThat(output.path(0).path("finish_reason").asText(), equalTo("stop"));
    }

    @Test
    void shouldRecordAStreamsTextAsTheClientReceivedIt() throws Exception {
        String trace = "1c0000000000000000000000000000a2";
        String sse = chat(trace, "stream it", true, null);
        StringBuilder streamed = new StringBuilder();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                streamed.append(JSON.readTree(line.substring(6)).path("choices").path(0).path("delta").path("content").asText(""));
            }
        }
        SpanData attempt = attempts(trace, 1).get(0);
        assertThat(attribute(attempt, GenAiAttributes.OUTPUT_MESSAGES).path(0).path("parts").path(0).path("content").asText(),
                equalTo(streamed.toString()));
    }

    @Test
    void shouldCutLongTextAtTheBoundAndRecordEachAttemptOfAFailover() throws Exception {
        String trace = "1c0000000000000000000000000000a3";
        String prompt = "x".repeat(2 * MAX);
        chat(trace, prompt, false, "backup:gpt-4o-mini");

        List<SpanData> attempts = attempts(trace, 2);
        for (SpanData attempt : attempts) {
            JsonNode input = attribute(attempt, GenAiAttributes.INPUT_MESSAGES);
            int text = input.path(0).path("parts").path(0).path("content").asText().length()
                    + input.path(1).path("parts").path(0).path("content").asText().length();
            assertThat(text, equalTo(MAX));
        }
        assertThat("the failed attempt has no answer text",
                attempts.get(0).getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES) == null);
        attribute(attempts.get(1), GenAiAttributes.OUTPUT_MESSAGES);

        String everything = attempts.stream().map(s -> s.getAttributes().toString()).reduce("", String::concat);
        assertThat(everything, not(containsString(TestKeys.ALLOW_ALL)));
        for (String providerKey : TestDocuments.KEY_VALUES.values()) {
            assertThat(everything, not(containsString(providerKey)));
        }
    }
}
