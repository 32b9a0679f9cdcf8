package io.aigw.console.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.console.FakeOwners;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The one admin entry point is where an admin change's trace starts: the proxy opens a server span (continuing the
 * caller's {@code traceparent}), relays under a client span, and the owner receives that client span as its parent,
 * once.
 */
@QuarkusTest
@TestProfile(ProxyTracingTest.Tracing.class)
@WithTestResource(FakeOwners.class)
class ProxyTracingTest {

    private static final String BEARER = "Bearer " + FakeOwners.TOKEN;
    private static final String TRACE = "5d2e8f1a9c3b4e7d8f0a1b2c3d4e5f60";
    private static final String CALLER = "0a1b2c3d4e5f6a7b";

    /** Tracing on, every request sampled, spans handed over as they end. */
    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.simple", "true");
        }
    }

    /** Quarkus exports to every SpanExporter bean: this one keeps the spans in memory. */
    @Singleton
    static class Spans {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void shouldContinueTheCallersTraceAndHandTheOwnerItsOwnClientSpanAsParent() throws Exception {
        String received = given().header("Authorization", BEARER).header("traceparent", "00-" + TRACE + "-" + CALLER + "-01")
                .contentType("application/json").body("{\"name\":\"traced\"}")
                .when().post("/admin/v1/configurations")
                .then().statusCode(201)
                .extract().path("headers.traceparent");

        List<SpanData> spans = await(TRACE, found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)
                && found.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT));
        SpanData server = only(spans, SpanKind.SERVER);
        SpanData client = only(spans, SpanKind.CLIENT);
        assertEquals(CALLER, server.getParentSpanId(), "the proxy continues the caller's trace");
        assertEquals(server.getSpanId(), client.getParentSpanId(), "the relay is a child of the proxy's server span");
        assertEquals("admin-console", server.getResource().getAttribute(
                io.opentelemetry.api.common.AttributeKey.stringKey("service.name")));
        assertEquals("00-" + TRACE + "-" + client.getSpanId() + "-01", received,
                "the owner gets one traceparent: the relay's client span");
    }

    @Test
    void shouldStartATraceForACallerWithoutOne() throws Exception {
        String received = given().header("Authorization", BEARER)
                .when().get("/admin/v1/providers")
                .then().statusCode(200)
                .extract().path("headers.traceparent");

        assertTrue(received != null && received.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), String.valueOf(received));
        String trace = received.substring(3, 35);
        List<SpanData> spans = await(trace, found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
        SpanData server = only(spans, SpanKind.SERVER);
        assertEquals("0000000000000000", server.getParentSpanId(), "the proxy's server span is the root");
        assertEquals(received.substring(36, 52), only(spans, SpanKind.CLIENT).getSpanId());
    }

    private static SpanData only(List<SpanData> spans, SpanKind kind) {
        List<SpanData> found = spans.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, found.size(), "one " + kind + " span: " + spans);
        return found.get(0);
    }

    private List<SpanData> await(String traceId, Predicate<List<SpanData>> expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            List<SpanData> spans = exporter.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            if (expected.test(spans)) {
                return spans;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("spans of trace " + traceId + " never matched: " + spans);
            }
            Thread.sleep(20);
        }
    }
}
