package io.aigw.config.outbox;

import static io.aigw.config.support.Admin.admin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.config.configuration.ConfigurationChanged;
import io.aigw.config.support.JsonShape;
import io.aigw.config.support.TestCatalog;
import io.aigw.config.support.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every committed write appears on config-changes exactly once; a refused or rolled-back one never. */
@QuarkusTest
class OutboxTest {

    private static String or;
    private static String anth;
    private static String orKey;
    private static String orBackup;
    private static String anthKey;

    private final TestCatalog catalog;
    private final ObjectMapper mapper = new ObjectMapper();

    OutboxTest(TestCatalog catalog) {
        this.catalog = catalog;
    }

    @BeforeEach
    void seedOnce() {
        if (or != null) {
            return;
        }
        or = TestCatalog.uniqueId("or");
        anth = TestCatalog.uniqueId("anth");
        catalog.provider(or, true);
        catalog.provider(anth, false);
        catalog.model(anth, "claude-sonnet-4-5", false);
        orKey = catalog.providerKey(or);
        orBackup = catalog.providerKey(or);
        anthKey = catalog.providerKey(anth);
    }

    private String body(String name) {
        return """
                {"name":"%s","description":"d","metadata":{"team":"search"},
                 "access":{"providers":{"allow":["%s","%s"]}},
                 "router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s","%s"]}]},
                   {"model":"%s:claude-sonnet-4-5","steps":[{"type":"keys","keys":["%s"]},
                     {"type":"fallback","models":["%s:anthropic/claude-sonnet-4.5"]}]}]},
                 "limits":{"requestsPerMinute":600,"tokensPerMinute":200000,"monthlyBudgetUsd":250.0}}
                """.formatted(name, or, anth, or, orKey, orBackup, anth, anthKey, or);
    }

    private static List<ConsumerRecord<String, String>> eventsFor(TestKafka.Reader reader, String id, int expected) {
        return reader.await(expected, Duration.ofSeconds(10), Duration.ofMillis(1500),
                r -> ("configuration:" + id).equals(r.key()));
    }

    @Test
    void shouldPublishEachCommittedWriteExactlyOnceWithKeyAndVersion() throws Exception {
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            String id = admin().body(body(TestCatalog.uniqueId("once"))).when().post("/admin/v1/configurations")
                    .then().statusCode(201).extract().path("id");
            List<ConsumerRecord<String, String>> created = reader.await(1, Duration.ofSeconds(10), Duration.ZERO,
                    r -> ("configuration:" + id).equals(r.key()));
            assertEquals(1, created.size());

            admin().body("{\"description\":\"second\"}").when().patch("/admin/v1/configurations/" + id).then().statusCode(200);
            admin().header("If-Match", "\"2\"").when().delete("/admin/v1/configurations/" + id).then().statusCode(204);

            List<ConsumerRecord<String, String>> events = eventsFor(reader, id, 3);
            assertEquals(3, events.size(), "one event per committed write");
            List<JsonNode> parsed = events.stream().map(r -> read(r.value())).toList();
            assertEquals(List.of("created", "updated", "deleted"), parsed.stream().map(e -> e.get("type").asText()).toList());
            assertEquals(List.of(1L, 2L, 3L), parsed.stream().map(e -> e.get("version").asLong()).toList());
            assertEquals("second", parsed.get(1).at("/data/description").asText());
            assertTrue(parsed.get(2).get("data").isNull());
            assertEquals(1, events.stream().map(ConsumerRecord::partition).distinct().count(), "one partition per key");
        }
    }

    /**
     * At-least-once across a crash between Kafka's acknowledgement and the mark-sent update: the relay sends the row
     * again, the same event (same id and version) reaches Kafka twice, and consumers drop the second copy by its
     * version (ProjectionConsumerTest#shouldDropEventsWhoseVersionIsNotNewer, and the gateway's snapshot).
     */
    @Test
    void shouldSendARowAgainWhenTheRelayStoppedBeforeMarkingItSent() throws Exception {
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            String id = admin().body(body(TestCatalog.uniqueId("crash"))).when().post("/admin/v1/configurations")
                    .then().statusCode(201).extract().path("id");
            assertEquals(1, eventsFor(reader, id, 1).size());
            await().atMost(Duration.ofSeconds(10)).until(() -> catalog.unmarkPublished("configuration:" + id) == 1);

            // Any later write wakes the relay, which finds the unmarked row first.
            admin().body(body(TestCatalog.uniqueId("wake"))).when().post("/admin/v1/configurations").then().statusCode(201);

            List<JsonNode> copies = eventsFor(reader, id, 2).stream().map(r -> read(r.value())).toList();
            assertEquals(2, copies.size(), "the row sent again");
            assertEquals(copies.get(0).get("eventId"), copies.get(1).get("eventId"));
            assertEquals(1L, copies.get(1).get("version").asLong());
        }
    }

    @Test
    void shouldPublishNothingForRefusedOrRolledBackWrites() throws Exception {
        String taken = TestCatalog.uniqueId("taken");
        admin().body(body(taken)).when().post("/admin/v1/configurations").then().statusCode(201);
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            String id = admin().body(body(TestCatalog.uniqueId("refused"))).when().post("/admin/v1/configurations")
                    .then().statusCode(201).extract().path("id");
            // Validation failure: refused before anything is written.
            admin().body("{\"access\":{\"providers\":{\"allow\":[\"ghost\"]}}}")
                    .when().patch("/admin/v1/configurations/" + id).then().statusCode(400);
            // Stale version: refused.
            admin().header("If-Match", "\"7\"").body("{\"description\":\"x\"}")
                    .when().patch("/admin/v1/configurations/" + id).then().statusCode(412);
            // Name taken: the outbox row is inserted and flushed first, then the update fails and
            // the transaction rolls back, taking the outbox row with it.
            admin().body("{\"name\":\"" + taken + "\"}")
                    .when().patch("/admin/v1/configurations/" + id).then().statusCode(409);
            // Creating a second configuration with a taken name: also rolled back.
            admin().body(body(taken)).when().post("/admin/v1/configurations").then().statusCode(409);

            List<ConsumerRecord<String, String>> events = reader.readFor(Duration.ofSeconds(2),
                    r -> r.value() != null && r.value().contains(id) || r.value() != null && r.value().contains("\"name\":\"" + taken + "\""));
            assertEquals(1, events.size(), "only the creation of " + id);
            assertEquals(1, read(events.get(0).value()).get("version").asLong());
            assertEquals(1, catalog.outboxRows("configuration:" + id));
            admin().when().get("/admin/v1/configurations/" + id).then().statusCode(200)
                    .body("version", org.hamcrest.Matchers.equalTo(1));
        }
    }

    @Test
    void shouldPublishEventsShapedLikeTheGoldenFixture() throws Exception {
        JsonNode fixture = mapper.readTree(Files.readString(Path.of("src/test/resources/events/config-changes.v1.json")));
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            String id = admin().body(body(TestCatalog.uniqueId("golden"))).when().post("/admin/v1/configurations")
                    .then().statusCode(201).extract().path("id");
            admin().when().delete("/admin/v1/configurations/" + id).then().statusCode(204);
            List<ConsumerRecord<String, String>> events = eventsFor(reader, id, 2);
            assertEquals(2, events.size());
            JsonShape.assertSameShape(fixture.get(0), read(events.get(0).value()));
            JsonShape.assertSameShape(fixture.get(1), read(events.get(1).value()));
        }
        // The fixture reads back into the record the producer serialises.
        for (JsonNode event : fixture) {
            if ("configuration".equals(event.get("kind").asText())) {
                ConfigurationChanged parsed = objectMapper().treeToValue(event, ConfigurationChanged.class);
                assertEquals(event.get("id").asText(), parsed.id());
            }
        }
    }

    private static ObjectMapper objectMapper() {
        return io.quarkus.arc.Arc.container().instance(ObjectMapper.class).get();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
