package io.aigw.config.projection;

import static io.aigw.config.support.Admin.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.config.support.TestCatalog;
import io.aigw.config.support.TestKafka;
import io.aigw.kit.projection.ProjectionConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The projections follow the real topics, drop stale versions, and every write is checked against them. */
@QuarkusTest
class ProjectionConsumerTest {

    private final TestCatalog catalog;
    private final ProjectionConsumer consumer;
    private final ObjectMapper mapper = new ObjectMapper();

    ProjectionConsumerTest(TestCatalog catalog, ProjectionConsumer consumer) {
        this.catalog = catalog;
        this.consumer = consumer;
    }

    @Test
    void shouldRejectWriteWhenReferencedProviderKeyWasDeletedBetweenTwoWrites() {
        String provider = TestCatalog.uniqueId("byok");
        catalog.provider(provider, true);
        String primary = catalog.providerKey(provider);
        String backup = catalog.providerKey(provider);
        String id = admin().body("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s","%s"]}]}]}}
                """.formatted(TestCatalog.uniqueId("byok"), provider, primary, backup))
                .when().post("/admin/v1/configurations").then().statusCode(201).extract().path("id");

        catalog.deleteProviderKey(backup, 2);

        admin().body("{\"description\":\"touch\"}").when().patch("/admin/v1/configurations/" + id)
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("/router/rules/0/steps/0/keys/1"))
                .body("errors[0].detail", containsString("unknown provider key"));
        admin().when().get("/admin/v1/configurations/" + id).then().body("version", equalTo(1));
    }

    @Test
    void shouldDropEventsWhoseVersionIsNotNewer() throws Exception {
        String first = TestCatalog.uniqueId("p1");
        String second = TestCatalog.uniqueId("p2");
        catalog.provider(first, true);
        catalog.provider(second, true);
        String key = catalog.providerKey(first);
        String v3 = "{\"id\":\"" + key + "\",\"providerId\":\"" + first + "\",\"status\":\"active\",\"version\":3}";
        String v2 = "{\"id\":\"" + key + "\",\"providerId\":\"" + second + "\",\"status\":\"active\",\"version\":2}";
        TestKafka.publish("provider-key-changes", "provider-key:" + key, TestCatalog.event("provider-key", "rotated", key, 3, v3));
        int partition = TestKafka.publish("provider-key-changes", "provider-key:" + key,
                TestCatalog.event("provider-key", "updated", key, 2, v2));
        // A marker behind them in the same partition: once it is applied, so were the two above.
        String marker = "pk_marker" + TestCatalog.uniqueId("m").substring(2, 9);
        TestKafka.publishTo("provider-key-changes", partition, "provider-key:" + marker, TestCatalog.event("provider-key",
                "created", marker, 1, "{\"id\":\"" + marker + "\",\"providerId\":\"" + first + "\",\"status\":\"active\"}"));
        catalog.awaitVersion("provider_key", marker, 1);
        assertEquals(3, catalog.storedVersion("provider_key", key));
        admin().body("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s"]}]}]}}
                """.formatted(TestCatalog.uniqueId("stale"), first, key))
                .when().post("/admin/v1/configurations").then().statusCode(201);
    }

    @Test
    void shouldReviveAnIdThatIsCreatedAgainAfterDeletion() throws Exception {
        String provider = TestCatalog.uniqueId("again");
        catalog.provider(provider, false);
        TestKafka.publish("catalog-changes", "provider:" + provider, TestCatalog.event("provider", "deleted", provider, 2, "null"));
        catalog.awaitVersion("catalog_provider", provider, 2);
        admin().body("{\"name\":\"" + TestCatalog.uniqueId("gone") + "\",\"access\":{\"providers\":{\"allow\":[\"" + provider + "\"]}}}")
                .when().post("/admin/v1/configurations").then().statusCode(400);
        catalog.provider(provider, false);
        admin().body("{\"name\":\"" + TestCatalog.uniqueId("back") + "\",\"access\":{\"providers\":{\"allow\":[\"" + provider + "\"]}}}")
                .when().post("/admin/v1/configurations").then().statusCode(201);
    }

    @Test
    void shouldSkipRecordsThatAreNotChangeEvents() {
        TestKafka.publish("provider-key-changes", "provider-key:junk", "this is not json");
        TestKafka.publish("provider-key-changes", "provider-key:junk", "{\"kind\":\"provider-key\"}");
        String provider = TestCatalog.uniqueId("after-junk");
        catalog.provider(provider, false);
        String key = catalog.providerKey(provider); // still consuming
        assertTrue(key.startsWith("pk_"));
    }

    @Test
    void shouldUnderstandTheCatalogServiceGoldenFixture() throws Throwable {
        applyFixture(Path.of("../model-catalog-service/src/test/resources/events/catalog-changes.v1.json"),
                "catalog-changes", Map.of("provider", "catalog_provider", "model", "catalog_model"));
    }

    @Test
    void shouldUnderstandTheKeyServiceGoldenFixtures() throws Throwable {
        applyFixture(Path.of("../key-service/src/test/resources/events/provider-key-changes.v1.json"),
                "provider-key-changes", Map.of("provider-key", "provider_key"));
        applyFixture(Path.of("../key-service/src/test/resources/events/access-key-changes.v1.json"),
                "access-key-changes", Map.of("access-key", "access_key"));
    }

    /**
     * Feeds a producer's golden fixture through the consumer's own entry point (not through the
     * shared topic, so that other services' consumers never see fixture data) and checks that every
     * event of a kind we project reached its table.
     */
    private void applyFixture(Path fixture, String topic, Map<String, String> tables) throws Throwable {
        Assumptions.assumeTrue(Files.exists(fixture), "producer fixture not written yet: " + fixture);
        Map<String, Long> expected = new HashMap<>();
        Map<String, String> tableOf = new HashMap<>();
        for (JsonNode event : events(mapper.readTree(Files.readString(fixture)))) {
            String kind = event.path("kind").asText();
            if (!tables.containsKey(kind)) {
                continue;
            }
            String key = kind + ":" + event.get("id").asText();
            VertxContextSupport.subscribeAndAwait(() -> consumer.onChange(
                    new ConsumerRecord<>(topic, 0, 0L, key, event.toString())));
            expected.merge(event.get("id").asText(), event.get("version").asLong(), Math::max);
            tableOf.put(event.get("id").asText(), tables.get(kind));
        }
        assertTrue(!expected.isEmpty(), "the fixture holds events of " + tables.keySet());
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            long stored = catalog.storedVersion(tableOf.get(entry.getKey()), entry.getKey());
            assertTrue(stored >= entry.getValue(), entry.getKey() + " stored at v" + stored);
        }
    }

    private static List<JsonNode> events(JsonNode root) {
        List<JsonNode> events = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(node -> events.addAll(events(node)));
        } else if (root.isObject() && root.has("kind") && root.has("version")) {
            events.add(root);
        } else if (root.isObject()) {
            root.forEach(node -> events.addAll(events(node)));
        }
        return events;
    }
}
