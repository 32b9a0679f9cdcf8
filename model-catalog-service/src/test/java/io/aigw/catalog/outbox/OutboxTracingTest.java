package io.aigw.catalog.outbox;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A catalog change's trace goes through the outbox: the admin call continues the caller's trace, the relay's
 * producer span on catalog-changes is part of it, and the record carries that producer span in its `traceparent`
 * header, which every gateway replica's consumer span continues.
 */
@QuarkusTest
@TestProfile(OutboxTracingTest.Tracing.class)
class OutboxTracingTest {

    private static final String TRACE = "4c5d6e7f8091a6f708192a3b4c5d6a3b";
    private static final String CALLER = "6f708192a3b4c5d6";

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
        try (CatalogTopic topic = new CatalogTopic()) {
            String id = uniqueId("traced");
            admin().header("traceparent", "00-" + TRACE + "-" + CALLER + "-01")
                    .body(Map.of("id", id, "baseUrl", "https://o.example.com/v1"))
                    .when().post("/admin/v1/providers").then().statusCode(201);

            List<ConsumerRecord<String, String>> records = topic.recordsFor("provider:" + id, Duration.ofSeconds(10), 1);
            assertEquals(1, records.size(), "one record for the new provider");
            ConsumerRecord<String, String> record = records.get(0);
            Header header = record.headers().lastHeader("traceparent");
            assertNotNull(header, "the record carries the trace context");
            String traceparent = new String(header.value(), StandardCharsets.UTF_8);

            List<SpanData> spans = awaitSpans(found -> found.stream().anyMatch(s -> s.getKind() == SpanKind.PRODUCER)
                    && found.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER));
            SpanData server = only(spans, SpanKind.SERVER);
            assertEquals(CALLER, server.getParentSpanId(), "the admin call continues the caller's trace");
            SpanData producer = only(spans, SpanKind.PRODUCER);
            assertTrue(producer.getName().contains("catalog-changes"), producer.getName());
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
