package io.aigw.catalog.outbox;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.kit.testing.AdminOutboxTracingTest;
import io.aigw.kit.testing.InMemorySpans;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A catalog change's trace goes through the outbox ({@link AdminOutboxTracingTest}) on catalog-changes. */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
class OutboxTracingTest extends AdminOutboxTracingTest {

    /** Quarkus exports to every SpanExporter bean: this one keeps the spans in memory. */
    @Singleton
    static class Spans extends InMemorySpans {
    }

    @Override
    protected String trace() {
        return "4c5d6e7f8091a6f708192a3b4c5d6a3b";
    }

    @Override
    protected String caller() {
        return "6f708192a3b4c5d6";
    }

    @Override
    protected String topic() {
        return "catalog-changes";
    }

    @Override
    protected ConsumerRecord<String, String> writeAndAwaitRecord(String traceparent) throws Exception {
        try (CatalogTopic topic = new CatalogTopic()) {
            String id = uniqueId("traced");
            admin().header("traceparent", traceparent)
                    .body(Map.of("id", id, "baseUrl", "https://o.example.com/v1"))
                    .when().post("/admin/v1/providers").then().statusCode(201);

            List<ConsumerRecord<String, String>> records = topic.recordsFor("provider:" + id, Duration.ofSeconds(10), 1);
            assertEquals(1, records.size(), "one record for the new provider");
            return records.get(0);
        }
    }
}
