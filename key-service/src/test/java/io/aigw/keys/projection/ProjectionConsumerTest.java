package io.aigw.keys.projection;

import static io.aigw.keys.support.TestTokens.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.kit.projection.ProjectionConsumer;
import io.aigw.keys.common.RandomIds;
import io.aigw.keys.support.LogCapture;
import io.aigw.keys.support.TestCatalog;
import io.aigw.keys.support.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The catalog-changes and config-changes projections follow the real topics and guard every write. */
@QuarkusTest
class ProjectionConsumerTest {

    private static final String PROVIDER_KEYS = "/admin/v1/provider-keys";
    private static final String ACCESS_KEYS = "/admin/v1/access-keys";

    private final ProjectionConsumer consumer;
    private final ObjectMapper mapper = new ObjectMapper();

    ProjectionConsumerTest(ProjectionConsumer consumer) {
        this.consumer = consumer;
    }

    private static String providerKeyBody(String providerId) {
        return "{\"providerId\":\"" + providerId + "\",\"name\":\"p\",\"value\":\"sk-test-"
                + UUID.randomUUID().toString().replace("-", "") + "\"}";
    }

    private static String newProviderKey(String providerId) {
        return admin().body(providerKeyBody(providerId)).post(PROVIDER_KEYS).then().statusCode(201).extract().path("id");
    }

    private static String uniqueProviderId() {
        return "prov-" + RandomIds.base32(10);
    }

    @Test
    void shouldRejectAProviderKeyForAnUnknownProviderWithAPointer() {
        String provider = uniqueProviderId();
        admin().body(providerKeyBody(provider)).post(PROVIDER_KEYS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/validation-failed"))
                .body("errors[0].pointer", equalTo("/providerId"));
        admin().queryParam("providerId", provider).get(PROVIDER_KEYS).then().body("data.size()", equalTo(0));

        TestCatalog.publishProvider(provider, "created", 1);
        newProviderKey(provider);
    }

    @Test
    void shouldRejectAProviderKeyOnceItsProviderWasDeleted() {
        String provider = uniqueProviderId();
        TestCatalog.publishProvider(provider, "created", 1);
        newProviderKey(provider);
        TestCatalog.publishProvider(provider, "deleted", 2);
        admin().body(providerKeyBody(provider)).post(PROVIDER_KEYS).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/providerId"));
    }

    @Test
    void shouldDropEventsWhoseVersionIsNotNewer() throws Throwable {
        String provider = uniqueProviderId();
        apply("catalog-changes", "provider:" + provider, TestCatalog.event("provider", "created", provider, 1,
                "{\"id\":\"" + provider + "\",\"status\":\"active\"}"));
        apply("catalog-changes", "provider:" + provider, TestCatalog.event("provider", "deleted", provider, 3, "null"));
        apply("catalog-changes", "provider:" + provider, TestCatalog.event("provider", "updated", provider, 2,
                "{\"id\":\"" + provider + "\",\"status\":\"active\"}"));
        assertEquals(3, TestCatalog.storedVersion("catalog_provider", provider));
        admin().body(providerKeyBody(provider)).post(PROVIDER_KEYS).then().statusCode(400);
    }

    @Test
    void shouldReadEventsThatTheProducerEncodedTwiceAndWarnOnlyOnce() throws Exception {
        String first = uniqueProviderId();
        String second = uniqueProviderId();
        try (LogCapture logs = new LogCapture()) {
            for (String id : new String[] {first, second}) {
                String event = TestCatalog.event("provider", "created", id, 1, "{\"id\":\"" + id + "\",\"status\":\"active\"}");
                TestKafka.publish("catalog-changes", "provider:" + id, mapper.writeValueAsString(event));
            }
            TestCatalog.awaitVersion("catalog_provider", first, 1);
            TestCatalog.awaitVersion("catalog_provider", second, 1);
            int warnings = logs.text().split("encoded twice", -1).length - 1;
            assertTrue(warnings <= 2, "one warning (logged once, captured as message and formatted text): " + warnings);
        }
        newProviderKey(second);
    }

    @Test
    void shouldSkipRecordsThatAreNotChangeEventsAndKeepConsuming() {
        TestKafka.publish("catalog-changes", "provider:junk", "this is not json");
        TestKafka.publish("catalog-changes", "provider:junk", "{\"kind\":\"provider\"}");
        newProviderKey(TestCatalog.provider("after-junk"));
    }

    @Test
    void shouldUnderstandTheCatalogServiceGoldenFixture() throws Throwable {
        JsonNode fixture = fixture("../model-catalog-service/src/test/resources/events/catalog-changes.v1.json");
        int providers = 0;
        for (JsonNode event : fixture) {
            apply("catalog-changes", event.get("kind").asText() + ":" + event.get("id").asText(), event.toString());
            if ("provider".equals(event.get("kind").asText())) {
                providers++;
                assertTrue(TestCatalog.storedVersion("catalog_provider", event.get("id").asText())
                        >= event.get("version").asLong());
            }
        }
        assertTrue(providers > 0, "the fixture holds a provider event");
    }

    @Test
    void shouldUnderstandTheConfigServiceGoldenFixtureEvenEncodedTwice() throws Throwable {
        JsonNode fixture = fixture("../config-service/src/test/resources/events/config-changes.v1.json");
        JsonNode created = find(fixture, "configuration", "created");
        String id = created.get("id").asText();
        apply("config-changes", "configuration:" + id, mapper.writeValueAsString(created.toString()));
        assertEquals(created.get("version").asLong(), TestCatalog.storedVersion("configuration_ref", id));
        for (String key : ProjectionService.referencedKeys(created.get("data"))) {
            assertEquals(1, TestCatalog.queryLong("select count(*) from configuration_provider_key"
                    + " where configuration_id = ? and provider_key_id = ?", id, key));
        }
        assertTrue(ProjectionService.referencedKeys(created.get("data")).size() >= 2);
        for (JsonNode event : fixture) { // gateway-settings is ignored, deleted drops the references
            apply("config-changes", event.get("kind").asText() + ":" + event.get("id").asText(), event.toString());
        }
        assertEquals(0, TestCatalog.queryLong("select count(*) from configuration_provider_key where configuration_id = ?", id));
    }

    @Test
    void shouldAcceptOnlyExistingConfigurationsAndRejectOneDeletedBetweenTwoWrites() {
        String unknown = "cfg_" + RandomIds.base32(16);
        admin().body("{\"name\":\"c\",\"configurationId\":\"" + unknown + "\"}").post(ACCESS_KEYS).then()
                .statusCode(400).body("errors[0].pointer", equalTo("/configurationId"));

        String cfg = TestCatalog.configuration();
        String id = admin().body("{\"name\":\"c\",\"configurationId\":\"" + cfg + "\"}").post(ACCESS_KEYS).then()
                .statusCode(201).extract().path("id");
        String other = admin().body("{\"name\":\"d\"}").post(ACCESS_KEYS).then().statusCode(201).extract().path("id");

        TestCatalog.publishConfiguration(cfg, "deleted", 2);

        admin().body("{\"name\":\"c2\",\"configurationId\":\"" + cfg + "\"}").post(ACCESS_KEYS).then()
                .statusCode(400).body("errors[0].pointer", equalTo("/configurationId"));
        admin().body("{\"configurationId\":\"" + cfg + "\"}").patch(ACCESS_KEYS + "/" + other).then()
                .statusCode(400).body("errors[0].pointer", equalTo("/configurationId"));
        admin().get(ACCESS_KEYS + "/" + other).then().body("version", equalTo(1))
                .body("configurationId", equalTo(null));
        // a PATCH that does not touch the configuration still works; clearing it too
        admin().body("{\"name\":\"renamed\"}").patch(ACCESS_KEYS + "/" + id).then().statusCode(200);
        admin().body("{\"configurationId\":null}").patch(ACCESS_KEYS + "/" + id).then().statusCode(200)
                .body("configurationId", equalTo(null));
    }

    @Test
    void shouldRefuseToDeleteAProviderKeyThatAConfigurationRoutesTo() {
        String provider = TestCatalog.provider("openrouter");
        String used = newProviderKey(provider);
        String unused = newProviderKey(provider);
        String cfg = TestCatalog.configuration(used);

        admin().delete(PROVIDER_KEYS + "/" + used).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", containsString(cfg));
        admin().get(PROVIDER_KEYS + "/" + used).then().statusCode(200);
        admin().delete(PROVIDER_KEYS + "/" + unused).then().statusCode(204);

        TestCatalog.publishConfiguration(cfg, "updated", 2); // the rule no longer names the key
        admin().delete(PROVIDER_KEYS + "/" + used).then().statusCode(204);
    }

    @Test
    void shouldAllowDeletingAProviderKeyOnceTheConfigurationUsingItIsDeleted() {
        String used = newProviderKey(TestCatalog.provider("openrouter"));
        String cfg = TestCatalog.configuration(used);
        admin().delete(PROVIDER_KEYS + "/" + used).then().statusCode(409);
        TestCatalog.publishConfiguration(cfg, "deleted", 2);
        admin().delete(PROVIDER_KEYS + "/" + used).then().statusCode(204);
    }

    private void apply(String topic, String key, String value) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> consumer.onChange(new ConsumerRecord<>(topic, 0, 0L, key, value)));
    }

    private JsonNode fixture(String path) throws Exception {
        Path file = Path.of(path);
        Assumptions.assumeTrue(Files.exists(file), "producer fixture not written yet: " + file);
        JsonNode root = mapper.readTree(Files.readString(file));
        return root.isArray() ? root : mapper.createArrayNode().add(root);
    }

    private static JsonNode find(JsonNode events, String kind, String type) {
        for (JsonNode event : events) {
            if (kind.equals(event.path("kind").asText()) && type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + kind + " " + type + " event in the fixture");
    }
}
