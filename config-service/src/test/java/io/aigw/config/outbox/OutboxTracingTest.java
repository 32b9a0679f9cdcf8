package io.aigw.config.outbox;

import static io.aigw.config.support.Admin.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.config.support.TestCatalog;
import io.aigw.config.support.TestKafka;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A configuration change's trace goes through the outbox: the admin call continues the caller's trace, the relay's
 * producer span on config-changes is part of it, and the record carries that producer span in its `traceparent`
 * header, which every gateway replica's consumer span continues.
 */
@QuarkusTest
@TestProfile(OutboxTracingTest.Tracing.class)
class OutboxTracingTest {

    private static final String TRACE = "9e1d2c3b4a5f60718293a4b5c6d7e8f9";
    private static final String CALLER = "2b3c4d5e6f708192";

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
    void shouldCarryTheAdminCallsTraceThroughTheProducerSpanIntoTheRecordHeaders() throws Exception {
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            String id = admin().header("traceparent", "00-" + TRACE + "-" + CALLER + "-01")
                    .body("{\"name\":\"" + TestCatalog.uniqueId("traced") + "\"}")
                    .when().post("/admin/v1/configurations").then().statusCode(201).extract().path("id");

            ConsumerRecord<String, String> record = reader.await(1, Duration.ofSeconds(10), Duration.ZERO,
                    r -> ("configuration:" + id).equals(r.key())).get(0);
            Header header = record.headers().lastHeader("traceparent");
            assertNotNull(header, "the record carries the trace context");
            String traceparent = new String(header.value(), StandardCharsets.UTF_8);

            List<SpanData> spans = awaitSpans(found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.PRODUCER)
                    && found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
            SpanData server = only(spans, SpanKind.SERVER);
            assertEquals(CALLER, server.getParentSpanId(), "the admin call continues the caller's trace");
            SpanData producer = only(spans, SpanKind.PRODUCER);
            assertTrue(producer.getName().contains("config-changes"), producer.getName());
            assertEquals("00-" + TRACE + "-" + producer.getSpanId() + "-01", traceparent,
                    "the record's header is the producer span: consumers become its children");
        }
    }

    private static SpanData only(List<SpanData> spans, SpanKind kind) {
        List<SpanData> found = spans.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, found.size(), "one " + kind + " span: " + spans);
        return found.get(0);
    }

    private List<SpanData> awaitSpans(Predicate<List<SpanData>> expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            List<SpanData> spans = exporter.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(TRACE)).toList();
            if (expected.test(spans)) {
                return spans;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("spans of trace " + TRACE + " never matched: " + spans);
            }
            Thread.sleep(20);
        }
    }
}
