package io.aigw.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.ChangeEventsWriter;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.SyncReady;
import io.aigw.gateway.sync.ChangeAssignments;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestDocuments;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The spans of `/v1` requests (tracing on, every request sampled), read from an in-memory exporter. */
@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(GatewayTestResource.class)
class TracingTest {

    private static final String PROMPT = "tell nobody: the launch code is xyzzy-4711";
    private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";

    @Inject
    InMemorySpanExporter exporter;

    @Inject
    ChangeAssignments assignments;

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static Response chat(String model, String fallback, String traceparent) {
        var request = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\"" + (fallback == null ? "" : ",\"models\":[\"" + fallback + "\"]")
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}");
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return request.when().post("/v1/chat/completions");
    }

    private List<SpanData> spansOf(String traceId, int clientSpans) throws InterruptedException {
        return InMemorySpans.await(exporter, traceId, spans -> spans.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)
                && spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("chat ")).count()
                == clientSpans);
    }

    private static SpanData server(List<SpanData> spans) {
        return spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    }

    private static List<SpanData> attempts(List<SpanData> spans) {
        return spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().startsWith("chat "))
                .sorted(java.util.Comparator.comparing(s -> s.getAttributes().get(GenAiAttributes.ATTEMPT))).toList();
    }

    private static <T> T attr(SpanData span, AttributeKey<T> key) {
        return span.getAttributes().get(key);
    }

    @Test
    void shouldOpenAServerSpanAndOneClientSpanPerAttemptWithTheGenAiAndGatewayAttributes() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            Response r = chat("gpt-4o", null, null);
            r.then().statusCode(200);
            String requestId = r.header(GatewayHeaders.REQUEST_ID);
            JsonNode event = usage.eventsOf(requestId, 1).get(0);
            String traceId = event.path("traceId").asText();
            assertThat(traceId, matchesPattern("[0-9a-f]{32}"));

            List<SpanData> spans = spansOf(traceId, 1);
            SpanData server = server(spans);
            SpanData attempt = attempts(spans).get(0);
            assertThat(attempt.getParentSpanId(), equalTo(server.getSpanId()));
            // the client span names the model as sent upstream (the catalog's upstream id of `gpt-4o`)
            String upstreamModel = SimulatorClient.received("/v1/chat/completions").get(0).json().path("model").asText();
            assertThat(attempt.getName(), equalTo("chat " + upstreamModel));

            assertThat(attr(server, GenAiAttributes.OPERATION), equalTo("chat"));
            assertThat(attr(server, GenAiAttributes.REQUEST_MODEL), equalTo("gpt-4o"));
            assertThat(attr(server, GenAiAttributes.PROVIDER), equalTo("openai"));
            assertThat(attr(server, GenAiAttributes.SERVED_MODEL), equalTo("openai:gpt-4o"));
            assertThat(attr(server, GenAiAttributes.REQUEST_ID), equalTo(requestId));
            assertThat(attr(server, GenAiAttributes.ACCESS_KEY), equalTo(TestKeys.publicId(TestKeys.ALLOW_ALL)));
            JsonNode configuration = event.path("configurationId");
            assertThat(attr(server, GenAiAttributes.CONFIGURATION), equalTo(configuration.isNull() ? null : configuration.asText()));
            assertThat(attr(server, GenAiAttributes.ATTEMPTS), equalTo(1L));
            assertThat(attr(server, GenAiAttributes.INPUT_TOKENS), equalTo(event.path("tokens").path("input").asLong()));
            assertThat(attr(server, GenAiAttributes.OUTPUT_TOKENS), equalTo(8L));
            assertThat(attr(server, GenAiAttributes.COST_USD), equalTo(event.path("costUsd").decimalValue().toPlainString()));

            assertThat(attr(attempt, GenAiAttributes.OPERATION), equalTo("chat"));
            assertThat(attr(attempt, GenAiAttributes.PROVIDER), equalTo("openai"));
            assertThat(attr(attempt, GenAiAttributes.REQUEST_MODEL), equalTo(upstreamModel));
            assertThat(attr(attempt, GenAiAttributes.RESPONSE_MODEL), notNullValue());
            assertThat(attr(attempt, GenAiAttributes.FINISH_REASONS), equalTo(List.of("stop")));
            assertThat(attr(attempt, GenAiAttributes.OUTPUT_TOKENS), equalTo(8L));
            assertThat(attr(attempt, GenAiAttributes.ATTEMPT), equalTo(1L));
            assertThat(attr(attempt, GenAiAttributes.FAILOVER_ACTION), equalTo("success"));
            assertThat(attr(attempt, GenAiAttributes.HTTP_STATUS), equalTo(200L));
            assertThat(attr(attempt, GenAiAttributes.PROVIDER_KEY), notNullValue());
        }
    }

    @Test
    void shouldRecordAFailedOverRequestAsOneServerSpanAndOneClientSpanPerAttempt() throws Exception {
        try (UsageEventsReader usage = new UsageEventsReader()) {
            Response r = chat("openai:trace@status=500", "backup:gpt-4o-mini", null);
            r.then().statusCode(200).header(GatewayHeaders.ATTEMPTS, "2");
            List<JsonNode> events = usage.eventsOf(r.header(GatewayHeaders.REQUEST_ID), 2);
            String traceId = events.get(0).path("traceId").asText();
            assertThat(events.get(1).path("traceId").asText(), equalTo(traceId));

            List<SpanData> spans = spansOf(traceId, 2);
            assertThat(spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList(), hasSize(1));
            List<SpanData> attempts = attempts(spans);
            SpanData first = attempts.get(0);
            SpanData second = attempts.get(1);
            assertThat(attr(first, GenAiAttributes.ATTEMPT), equalTo(1L));
            assertThat(attr(first, GenAiAttributes.PROVIDER), equalTo("openai"));
            assertThat(attr(first, GenAiAttributes.FAILOVER_ACTION), equalTo("failover"));
            assertThat(attr(first, GenAiAttributes.ERROR_TYPE), equalTo("500"));
            assertThat(attr(second, GenAiAttributes.ATTEMPT), equalTo(2L));
            assertThat(attr(second, GenAiAttributes.PROVIDER), equalTo("backup"));
            assertThat(attr(second, GenAiAttributes.FAILOVER_ACTION), equalTo("success"));
            assertThat(attr(second, GenAiAttributes.ERROR_TYPE), nullValue());
            SpanData server = server(spans);
            assertThat(first.getParentSpanId(), equalTo(server.getSpanId()));
            assertThat(second.getParentSpanId(), equalTo(server.getSpanId()));
            assertThat(attr(server, GenAiAttributes.ATTEMPTS), equalTo(2L));
            assertThat(attr(server, GenAiAttributes.SERVED_MODEL), equalTo("backup:gpt-4o-mini"));
        }
    }

    @Test
    void shouldContinueTheClientsTraceAndKeepItFromTheProviderByDefault() throws Exception {
        chat("gpt-4o", null, "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01").then().statusCode(200);

        SpanData server = server(spansOf(CLIENT_TRACE, 1));
        assertThat(server.getParentSpanId(), equalTo(CLIENT_SPAN));
        assertThat(SimulatorClient.received("/v1/chat/completions").get(0).header("traceparent"), nullValue());
    }

    @Test
    void shouldWriteNoAccessKeyProviderKeyOrPromptTextIntoAnySpan() throws Exception {
        chat("openai:leak@status=500", "backup:gpt-4o-mini",
                "00-" + CLIENT_TRACE.replace('0', '1') + "-" + CLIENT_SPAN + "-01").then().statusCode(200);
        List<SpanData> spans = spansOf(CLIENT_TRACE.replace('0', '1'), 2);

        String everything = spans.stream().map(s -> s.getName() + " " + s.getAttributes() + " " + s.getEvents())
                .reduce("", String::concat);
        assertThat(everything, containsString("aigw.attempt"));
        // content capture is off by default: no message attributes at all
        assertThat(everything, not(containsString(GenAiAttributes.INPUT_MESSAGES.getKey())));
        assertThat(everything, not(containsString(GenAiAttributes.OUTPUT_MESSAGES.getKey())));
        assertThat(everything, not(containsString(TestKeys.ALLOW_ALL)));
        assertThat(everything, not(containsString("S3cret")));
        assertThat(everything, not(containsString("xyzzy")));
        for (String providerKey : TestDocuments.KEY_VALUES.values()) {
            assertThat(everything, not(containsString(providerKey)));
        }
    }

    @Test
    void shouldContinueAnAdminChangesTraceInTheConsumerSpanOfThisReplica() throws Exception {
        SyncReady.await(assignments);
        String trace = "7d3f1a2b4c5e6f708192a3b4c5d6e7f8";
        try (ChangeEventsWriter writer = new ChangeEventsWriter()) {
            writer.sendTraced("access-key-changes",
                    ChangeEventsWriter.fixture(ChangeEventsWriter.ACCESS_KEYS, "access-key", "updated"),
                    "00-" + trace + "-1122334455667788-01");
        }
        SpanData consumer = InMemorySpans.await(exporter, trace, spans -> spans.stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER)).stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER).findFirst().orElseThrow();
        assertThat(consumer.getParentSpanId(), equalTo("1122334455667788"));
        // the span names the replica: its instance id, the one its consumer group is named after
        String instance = consumer.getResource().getAttribute(AttributeKey.stringKey("service.instance.id"));
        assertThat(ConfigProvider.getConfig().getValue("mp.messaging.incoming.changes.group.id", String.class),
                equalTo("gateway-" + instance));
    }
}
