package io.aigw.keys.tracing;

import static io.aigw.keys.support.TestTokens.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.keys.support.TopicTail;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * An admin write's trace goes through the outbox: the relay's Kafka producer span continues the admin request's trace,
 * and the record carries it in its `traceparent` header for every consumer.
 */
@QuarkusTest
@TestProfile(OutboxTracingTest.Tracing.class)
class OutboxTracingTest {

    private static final String TRACE = "3c4b9f2a7d1e4f60a8b2c9d0e1f2a3b4";

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
    void shouldContinueTheAdminRequestsTraceIntoTheKafkaRecordAndItsProducerSpan() throws Exception {
        try (TopicTail tail = new TopicTail("access-key-changes")) {
            String id = admin().header("traceparent", "00-" + TRACE + "-1a2b3c4d5e6f7a8b-01")
                    .body("{\"name\":\"traced\"}").post("/admin/v1/access-keys").then().statusCode(201)
                    .extract().path("id");

            ConsumerRecord<String, String> record = tail.await(TopicTail.keyed("access-key:" + id), 1,
                    Duration.ofSeconds(10)).get(0);
            Header traceparent = record.headers().lastHeader("traceparent");
            assertTrue(traceparent != null, "the record carries the trace context");
            assertTrue(new String(traceparent.value(), StandardCharsets.UTF_8).startsWith("00-" + TRACE + "-"));

            List<SpanData> producers = List.of();
            long until = System.currentTimeMillis() + 10_000;
            while (producers.isEmpty() && System.currentTimeMillis() < until) {
                producers = exporter.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(TRACE) && s.getKind() == SpanKind.PRODUCER).toList();
                Thread.sleep(20);
            }
            assertEquals(1, producers.size(), "one producer span in the admin request's trace");
            assertTrue(producers.get(0).getName().contains("access-key-changes"), producers.get(0).getName());
        }
    }
}
