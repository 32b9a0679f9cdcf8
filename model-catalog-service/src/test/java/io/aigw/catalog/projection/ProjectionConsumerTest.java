package io.aigw.catalog.projection;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.catalog.LogCapture;
import io.aigw.kit.projection.ProjectionConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Provider keys (provider-key-changes) and configurations (config-changes) keep providers and models from being
 * deleted while they name them. Events are shaped after the producers' golden fixtures, with unique ids.
 */
@QuarkusTest
class ProjectionConsumerTest {

    static final Path KEY_FIXTURE = Path.of("../key-service/src/test/resources/events/provider-key-changes.v1.json");
    static final Path CONFIG_FIXTURE = Path.of("../config-service/src/test/resources/events/config-changes.v1.json");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    ProjectionConsumer consumer;
    @Inject
    DataSource dataSource;

    @Test
    void shouldRefuseToDeleteAProviderWhileAProviderKeyNamesItAndAllowItOnceTheKeyIsDeleted() throws Throwable {
        String provider = newProvider();
        String key = "pk_" + random(16);
        List<ObjectNode> events = keyEvents(key, provider); // created, updated, rotated, deleted
        feed("provider-key-changes", events.get(0));

        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", containsString(key));
        admin().when().get("/admin/v1/providers/" + provider).then().statusCode(200);

        feed("provider-key-changes", events.get(1));
        feed("provider-key-changes", events.get(2));
        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(409);
        feed("provider-key-changes", events.get(3));
        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(204);
    }

    @Test
    void shouldDropProviderKeyEventsWhoseVersionIsNotNewer() throws Throwable {
        String provider = newProvider();
        String key = "pk_" + random(16);
        List<ObjectNode> events = keyEvents(key, provider);
        feed("provider-key-changes", events.get(0));
        feed("provider-key-changes", events.get(3)); // deleted, v4
        feed("provider-key-changes", events.get(2)); // rotated, v3: stale, must not revive the key
        assertEquals(4, queryLong("select version from provider_key_ref where id = ?", key));
        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(204);
    }

    @Test
    void shouldApplyTheUnchangedKeyServiceFixture() throws Throwable {
        JsonNode fixture = MAPPER.readTree(Files.readString(KEY_FIXTURE));
        for (JsonNode event : fixture) {
            feed("provider-key-changes", event);
        }
        JsonNode last = fixture.get(fixture.size() - 1);
        assertEquals(last.get("version").asLong(), queryLong("select version from provider_key_ref where id = ?",
                last.get("id").asText()));
        assertEquals(1, queryLong("select count(*) from provider_key_ref where id = ? and deleted"
                + " and provider_id = 'openrouter'", last.get("id").asText()));
    }

    @Test
    void shouldRefuseToDeleteWhatAConfigurationInTheFixtureShapeNames() throws Throwable {
        String routed = newProvider();   // stands in for openrouter
        String direct = newProvider();   // stands in for anthropic
        String ruleModel = "claude-sonnet-4-5";
        String fallbackModel = direct + "/claude-sonnet-4.5";
        newModel(direct, ruleModel);
        newModel(routed, fallbackModel);
        String cfg = "cfg_" + random(16);
        ObjectNode created = configEvent("created", cfg, 1, routed, direct);
        feed("config-changes", created);

        admin().when().delete("/admin/v1/models/" + direct + "/" + ruleModel).then().statusCode(409)
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", allOf(containsString(cfg), containsString(direct + ":" + ruleModel)));
        admin().when().delete("/admin/v1/models/" + routed + "/" + fallbackModel).then().statusCode(409)
                .body("detail", containsString(cfg));

        // the fixture's deleted event (v3) frees both models; gateway-settings events are ignored
        feed("config-changes", configEvent("deleted", cfg, 3, routed, direct));
        feed("config-changes", fixtureEvent(CONFIG_FIXTURE, "gateway-settings", "updated"));
        admin().when().delete("/admin/v1/models/" + direct + "/" + ruleModel).then().statusCode(204);
        admin().when().delete("/admin/v1/models/" + routed + "/" + fallbackModel).then().statusCode(204);
        admin().when().delete("/admin/v1/providers/" + direct).then().statusCode(204);
    }

    @Test
    void shouldRefuseToDeleteAProviderNamedByAccessAllowListsOrARoutingRule() throws Throwable {
        String allowed = newProvider();
        String modelScoped = newProvider();
        String routed = newProvider();
        String cfg = "cfg_" + random(16);
        feed("config-changes", configuration(cfg, 1, """
                {"access":{"providers":{"allow":["%s"]},"models":{"allow":["%s:some/pass-through"]}},
                 "router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":[]}]}]},
                 "limits":{}}""".formatted(allowed, modelScoped, routed)));
        for (String provider : List.of(allowed, modelScoped, routed)) {
            admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(409)
                    .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                    .body("detail", containsString("configuration(s) " + cfg));
        }
        // v2 no longer names them; a stale v1 replayed afterwards changes nothing
        feed("config-changes", configuration(cfg, 2, """
                {"access":{"providers":null,"models":null},"router":{"rules":[]},"limits":{}}"""));
        feed("config-changes", configuration(cfg, 1, """
                {"access":{"providers":{"allow":["%s"]},"models":null},"router":{"rules":[]},"limits":{}}"""
                .formatted(allowed)));
        for (String provider : List.of(allowed, modelScoped, routed)) {
            admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(204);
        }
    }

    @Test
    void shouldRefuseToDeleteAVirtualModelThatAConfigurationsScopeNamesUntilItNoLongerDoes() throws Throwable {
        String name = "vm-scoped-" + random(8).toLowerCase();
        admin().body(Map.of("name", name, "targets", List.of("openai:gpt-4o"))).when().post("/admin/v1/virtual-models")
                .then().statusCode(201);
        String cfg = "cfg_" + random(16);
        feed("config-changes", configuration(cfg, 1, """
                {"access":{"providers":null,"models":{"allow":["openai:gpt-4o","%s"]}},"router":{"rules":[]},
                 "limits":{}}""".formatted(name)));
        admin().when().delete("/admin/v1/virtual-models/" + name.toUpperCase()).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", equalTo("virtual model " + name + " is referenced by configuration(s) " + cfg));
        admin().when().get("/admin/v1/virtual-models/" + name).then().statusCode(200);

        feed("config-changes", configuration(cfg, 2, """
                {"access":{"providers":null,"models":null},"router":{"rules":[]},"limits":{}}"""));
        admin().when().delete("/admin/v1/virtual-models/" + name).then().statusCode(204);
    }

    @Test
    void shouldReadEventsEncodedTwiceAndSkipRecordsThatAreNotEvents() throws Throwable {
        String provider = newProvider();
        String key = "pk_" + random(16);
        try (LogCapture logs = new LogCapture()) {
            feedRaw("provider-key-changes", "provider-key:junk", "this is not json");
            feedRaw("provider-key-changes", "provider-key:junk", "{\"kind\":\"provider-key\"}");
            feedRaw("provider-key-changes", "provider-key:" + key,
                    MAPPER.writeValueAsString(keyEvents(key, provider).get(0).toString()));
            // "encoded twice" is warned once per topic, possibly already by the real consumer: not asserted here
            assertTrue(logs.text().contains("Skipped"), "records that are not events are logged and skipped");
        }
        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(409);
    }

    @Test
    void shouldFollowTheRealTopicsWithTheServicesConsumerGroup() throws Exception {
        String provider = newProvider();
        String key = "pk_" + random(16);
        String cfg = "cfg_" + random(16);
        String model = newModel(newProvider(), "real-topic-model");
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("provider-key-changes", "provider-key:" + key,
                    keyEvents(key, provider).get(0).toString())).get();
            // config-changes as an older producer wrote it: the event JSON encoded a second time
            String event = configuration(cfg, 1, """
                    {"access":{"providers":null,"models":{"allow":["%s"]}},"router":{"rules":[]},"limits":{}}"""
                    .formatted(model)).toString();
            producer.send(new ProducerRecord<>("config-changes", "configuration:" + cfg,
                    MAPPER.writeValueAsString(event))).get();
        }
        awaitRow("select count(*) from provider_key_ref where id = ?", key);
        awaitRow("select count(*) from configuration_reference where configuration_id = ?", cfg);
        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(409)
                .body("detail", containsString(key));
        admin().when().delete("/admin/v1/models/" + model.replaceFirst(":", "/")).then().statusCode(409)
                .body("detail", containsString(cfg));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String newProvider() {
        String id = uniqueId("prj");
        admin().body(Map.of("id", id, "baseUrl", "https://" + id + ".example.com/v1",
                        "surfaces", List.of("openai/chat-completions")))
                .when().post("/admin/v1/providers").then().statusCode(201);
        return id;
    }

    /** Creates a model and answers its address. */
    private static String newModel(String provider, String modelId) {
        admin().body(Map.of("providerId", provider, "modelId", modelId)).when().post("/admin/v1/models")
                .then().statusCode(201);
        return provider + ":" + modelId;
    }

    /** key-service's fixture events, re-addressed to {@code key} of {@code provider}. */
    private static List<ObjectNode> keyEvents(String key, String provider) throws Exception {
        List<ObjectNode> events = new java.util.ArrayList<>();
        for (JsonNode event : MAPPER.readTree(Files.readString(KEY_FIXTURE))) {
            ObjectNode copy = event.deepCopy();
            copy.put("eventId", UUID.randomUUID().toString()).put("id", key);
            if (copy.get("data").isObject()) {
                ((ObjectNode) copy.get("data")).put("id", key).put("providerId", provider);
            }
            events.add(copy);
        }
        return events;
    }

    /** config-service's fixture event, with openrouter → {@code routed}, anthropic → {@code direct}. */
    private static ObjectNode configEvent(String type, String cfg, long version, String routed, String direct)
            throws Exception {
        String text = fixtureEvent(CONFIG_FIXTURE, "configuration", type).toString()
                .replace("cfg_q2w3e4r5t6y7u8i9", cfg).replace("openrouter", routed).replace("anthropic", direct);
        ObjectNode event = (ObjectNode) MAPPER.readTree(text);
        event.put("eventId", UUID.randomUUID().toString()).put("version", version);
        return event;
    }

    private static ObjectNode configuration(String cfg, long version, String body) throws Exception {
        ObjectNode data = (ObjectNode) MAPPER.readTree(body);
        data.put("id", cfg).put("name", cfg).put("version", version);
        ObjectNode event = MAPPER.createObjectNode().put("eventId", UUID.randomUUID().toString())
                .put("kind", "configuration").put("type", version == 1 ? "created" : "updated").put("id", cfg)
                .put("version", version).put("occurredAt", "2026-11-25T00:00:00Z");
        event.set("data", data);
        return event;
    }

    private static JsonNode fixtureEvent(Path fixture, String kind, String type) throws Exception {
        for (JsonNode event : MAPPER.readTree(Files.readString(fixture))) {
            if (kind.equals(event.path("kind").asText()) && type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + kind + " " + type + " event in " + fixture);
    }

    private void feed(String topic, JsonNode event) throws Throwable {
        feedRaw(topic, event.path("kind").asText() + ":" + event.path("id").asText(), event.toString());
    }

    /** Through the consumer's entry point, as the Kafka connector would call it. */
    private void feedRaw(String topic, String key, String value) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> consumer.onChange(new ConsumerRecord<>(topic, 0, 0L, key, value)));
    }

    private long queryLong(String sql, String arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private void awaitRow(String countSql, String arg) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (queryLong(countSql, arg) < 1) {
            assertTrue(System.currentTimeMillis() < deadline, "the consumer did not apply the event: " + arg);
            Thread.sleep(100);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        props.put("acks", "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static String random(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder sb = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
