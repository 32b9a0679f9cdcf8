package io.aigw.config.outbox;

import static io.aigw.config.support.Admin.admin;

import io.aigw.config.support.TestCatalog;
import io.aigw.config.support.TestKafka;
import io.aigw.kit.testing.AdminOutboxTracingTest;
import io.aigw.kit.testing.InMemorySpans;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A configuration change's trace goes through the outbox ({@link AdminOutboxTracingTest}) on config-changes. */
@QuarkusTest
@TestProfile(InMemorySpans.Profile.class)
class OutboxTracingTest extends AdminOutboxTracingTest {

    /** Quarkus exports to every SpanExporter bean: this one keeps the spans in memory. */
    @Singleton
    static class Spans extends InMemorySpans {
    }

    @Override
    protected String trace() {
        return "9e1d2c3b4a5f60718293a4b5c6d7e8f9";
    }

    @Override
    protected String caller() {
        return "2b3c4d5e6f708192";
    }

    @Override
    protected String topic() {
        return "config-changes";
    }

    @Override
    protected ConsumerRecord<String, String> writeAndAwaitRecord(String traceparent) throws Exception {
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            String id = admin().header("traceparent", traceparent)
                    .body("{\"name\":\"" + TestCatalog.uniqueId("traced") + "\"}")
                    .when().post("/admin/v1/configurations").then().statusCode(201).extract().path("id");
            return reader.await(1, Duration.ofSeconds(10), Duration.ZERO,
                    r -> ("configuration:" + id).equals(r.key())).get(0);
        }
    }
}
