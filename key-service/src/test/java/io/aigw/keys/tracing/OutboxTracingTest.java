package io.aigw.keys.tracing;

import static io.aigw.keys.support.TestTokens.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.keys.support.TopicTail;
import io.aigw.kit.testing.InMemorySpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * An admin write's trace goes through the outbox: the relay's Kafka producer span continues the admin request's trace,
 * and the record carries it in its `traceparent` header for every consumer.
 */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
class OutboxTracingTest {

    private static final String TRACE = "3c4b9f2a7d1e4f60a8b2c9d0e1f2a3b4";

    /** Quarkus exports to every SpanExporter bean: this one keeps the spans in memory. */
    @Singleton
    static class Spans extends InMemorySpans {
    }

    @Inject
    Spans spans;

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

            List<SpanData> producers = spans.await(TRACE, found -> found.stream()
                    .anyMatch(s -> s.getKind() == SpanKind.PRODUCER)).stream()
                    .filter(s -> s.getKind() == SpanKind.PRODUCER).toList();
            assertEquals(1, producers.size(), "one producer span in the admin request's trace");
            assertTrue(producers.get(0).getName().contains("access-key-changes"), producers.get(0).getName());
        }
    }
}
