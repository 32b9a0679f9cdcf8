package io.aigw.catalog.outbox;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.catalog.JsonShape;
import io.aigw.catalog.provider.ProviderRequest;
import io.aigw.catalog.provider.ProviderService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    @Inject
    ProviderService providers;
    @Inject
    DataSource dataSource;

    static JsonNode fixture(int index) throws Exception {
        try (InputStream in = OutboxTest.class.getResourceAsStream("/events/catalog-changes.v1.json")) {
            return new ObjectMapper().readTree(in).get(index);
        }
    }

    @Test
    void shouldPublishEachCommittedChangeOnceWithKeyAndVersion() throws Exception {
        try (CatalogTopic topic = new CatalogTopic()) {
            String id = uniqueId("out");
            long start = System.nanoTime();
            admin().body(Map.of("id", id, "baseUrl", "https://o.example.com/v1")).when().post("/admin/v1/providers")
                    .then().statusCode(201);
            List<ConsumerRecord<String, String>> created = topic.recordsFor("provider:" + id, Duration.ofSeconds(10), 1);
            long latencyMs = (System.nanoTime() - start) / 1_000_000;
            admin().body("{\"displayName\":\"Renamed\"}").when().patch("/admin/v1/providers/" + id).then().statusCode(200);
            admin().body(Map.of("providerId", id, "modelId", "org/m:free")).when().post("/admin/v1/models")
                    .then().statusCode(201);
            admin().when().delete("/admin/v1/models/" + id + "/org/m:free").then().statusCode(204);
            admin().when().delete("/admin/v1/providers/" + id).then().statusCode(204);

            List<ConsumerRecord<String, String>> records = topic.recordsFor("provider:" + id, Duration.ofSeconds(10), 3);
            List<ConsumerRecord<String, String>> model = topic.recordsFor("model:" + id + ":org/m:free",
                    Duration.ofSeconds(3), 2);
            topic.drain(Duration.ofMillis(800)); // anything duplicated would have arrived by now
            records = topic.recordsFor("provider:" + id, Duration.ZERO, 0);

            assertEquals(1, created.size());
            assertTrue(latencyMs < 5000, "propagation took " + latencyMs + " ms");
            System.out.println("catalog-changes propagation (REST call to consumer) " + latencyMs + " ms");
            assertEquals(List.of("created:1", "updated:2", "deleted:3"), records.stream().map(CatalogTopic::json)
                    .map(e -> e.get("type").asText() + ":" + e.get("version").asLong()).toList());
            JsonNode updated = CatalogTopic.json(records.get(1));
            assertEquals("Renamed", updated.get("data").get("displayName").asText());
            assertEquals("provider", updated.get("kind").asText());
            assertEquals(id, updated.get("id").asText());
            assertTrue(CatalogTopic.json(records.get(2)).get("data").isNull());
            assertEquals(List.of("created:1", "deleted:2"), model.stream().map(CatalogTopic::json)
                    .map(e -> e.get("type").asText() + ":" + e.get("version").asLong()).toList());
            assertEquals("", JsonShape.difference(fixture(0), updated));
            assertEquals("", JsonShape.difference(fixture(2), CatalogTopic.json(model.get(1))));
            JsonNode modelCreated = CatalogTopic.json(model.get(0));
            assertEquals("", JsonShape.difference(fixture(1).get("data").get("pricing"),
                    modelCreated.get("data").get("pricing")));
        }
    }

    @Test
    void shouldPublishNothingFromARolledBackWrite() throws Throwable {
        String id = uniqueId("rollback");
        try (CatalogTopic topic = new CatalogTopic()) {
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> VertxContextSupport
                    .subscribeAndAwait(() -> Panache.withTransaction(() -> providers
                            .create(new ProviderRequest(id, null, "https://rb.example.com/v1", null, null, null, null,
                                    null, null, null, null))
                            .chain(created -> Uni.createFrom()
                                    .failure(new IllegalStateException("boom after the outbox write"))))));
            assertEquals("boom after the outbox write", failure.getMessage());
            assertEquals(0, outboxRows("provider:" + id));
            assertEquals(0, topic.recordsFor("provider:" + id, Duration.ofSeconds(2), 1).size());
            admin().when().get("/admin/v1/providers/" + id).then().statusCode(404);
        }
    }

    private int outboxRows(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where aggregate_id = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
