package io.aigw.config.settings;

import static io.aigw.config.support.Admin.admin;
import static io.aigw.config.support.Admin.service;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.config.support.JsonShape;
import io.aigw.config.support.TestCatalog;
import io.aigw.config.support.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.aigw.config.firewall.FirewallPolicyTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The only test class that changes the settings; the defaults are checked first. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaySettingsTest {

    private static final String PATH = "/admin/v1/gateway-settings";
    private final ObjectMapper mapper = new ObjectMapper();

    private long versionOf(String json) {
        try {
            return mapper.readTree(json).get("version").asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    @Order(1)
    void shouldServeTheDocumentedDefaults() {
        admin().when().get(PATH).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("attemptTimeout", equalTo("PT1M"))
                .body("totalTimeout", equalTo("PT2M"))
                .body("maxAttempts", equalTo(10))
                .body("maxBodyBytes", equalTo(10485760))
                .body("maxInputTokens", nullValue())
                .body("maxOutputTokens", nullValue())
                .body("defaultLimits.requestsPerMinute", nullValue())
                .body("limitsFailMode", equalTo("open"))
                .body("cooldown.failures", equalTo(3))
                .body("cooldown.window", equalTo("PT30S"))
                .body("cooldown.duration", equalTo("PT30S"))
                .body("cooldown.providerFailures", equalTo(10))
                .body("cooldown.retryRatio", equalTo(0.2f))
                .body("cooldown.minRetriesPerSecond", equalTo(10))
                .body("version", equalTo(1));
    }

    @Test
    @Order(2)
    void shouldAcceptGoStyleDurationsAndWriteThemAsIso8601() {
        admin().body("{\"attemptTimeout\":\"30s\",\"totalTimeout\":\"1m30s\",\"maxInputTokens\":100000}")
                .when().patch(PATH).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("attemptTimeout", equalTo("PT30S"))
                .body("totalTimeout", equalTo("PT1M30S"))
                .body("maxInputTokens", equalTo(100000))
                .body("maxAttempts", equalTo(10));
        admin().body("{\"attemptTimeout\":\"PT45S\"}").when().patch(PATH).then().statusCode(200)
                .body("attemptTimeout", equalTo("PT45S")).body("totalTimeout", equalTo("PT1M30S"));
    }

    @Test
    @Order(7)
    void shouldTakeCooldownThresholdsWholeAndNameABadOne() {
        admin().body("{\"cooldown\":{\"failures\":5,\"duration\":\"1m\"}}").when().patch(PATH).then().statusCode(200)
                .body("cooldown.failures", equalTo(5)).body("cooldown.duration", equalTo("PT1M"))
                .body("cooldown.window", equalTo("PT30S")).body("cooldown.providerFailures", equalTo(10));
        admin().body("{\"cooldown\":{\"failures\":-1,\"window\":\"0s\",\"x\":1}}").when().patch(PATH).then()
                .statusCode(400)
                .body("errors.pointer", org.hamcrest.Matchers.hasItems("/cooldown/failures", "/cooldown/window",
                        "/cooldown/x"));
        admin().body("{\"cooldown\":null}").when().patch(PATH).then().statusCode(200)
                .body("cooldown.failures", equalTo(3)).body("cooldown.duration", equalTo("PT30S"));
    }

    @Test
    @Order(3)
    void shouldRejectInvalidSettingsWithPointersAndChangeNothing() {
        long version = admin().when().get(PATH).then().extract().jsonPath().getLong("version");
        admin().body("""
                {"attemptTimeout":"soon","maxAttempts":0,"maxBodyBytes":10,"limitsFailMode":"maybe",
                 "defaultLimits":{"requestsPerMinute":-5,"configurationBudgetUsd":{"daily":1}},"colour":"blue"}
                """).when().patch(PATH).then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/attemptTimeout", "/maxAttempts", "/maxBodyBytes",
                        "/limitsFailMode", "/defaultLimits/requestsPerMinute", "/defaultLimits/configurationBudgetUsd",
                        "/colour"));
        admin().body("{\"attemptTimeout\":\"3m\",\"totalTimeout\":\"2m\"}").when().patch(PATH)
                .then().statusCode(400).body("errors.pointer", equalTo(List.of("/totalTimeout")));
        admin().body("{\"attemptTimeout\":\"-5s\"}").when().patch(PATH)
                .then().statusCode(400).body("errors.pointer", equalTo(List.of("/attemptTimeout")));
        admin().when().get(PATH).then().body("version", equalTo((int) version));
    }

    @Test
    @Order(4)
    void shouldResetFieldToDefaultWhenPatchedWithNull() {
        admin().body("{\"attemptTimeout\":null,\"maxInputTokens\":null}").when().patch(PATH).then().statusCode(200)
                .body("attemptTimeout", equalTo("PT1M"))
                .body("maxInputTokens", nullValue())
                .body("totalTimeout", equalTo("PT1M30S"));
    }

    @Test
    @Order(5)
    void shouldReturn412WhenIfMatchIsStale() {
        admin().header("If-Match", "\"1\"").body("{\"maxAttempts\":3}").when().patch(PATH).then().statusCode(412);
    }

    @Test
    @Order(6)
    void shouldPublishEachSettingsChangeOnceAndMatchTheGoldenFixture() throws Exception {
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            int version = admin().body("""
                    {"attemptTimeout":"20s","totalTimeout":"1m","maxAttempts":4,"maxOutputTokens":8000,
                     "defaultLimits":{"requestsPerMinute":60,"tokensPerMinute":100000,"monthlyBudgetUsd":50},
                     "limitsFailMode":"closed"}
                    """).when().put(PATH).then().statusCode(200)
                    .body("maxBodyBytes", equalTo(10485760))
                    .body("maxInputTokens", nullValue())
                    .extract().path("version");
            List<ConsumerRecord<String, String>> events = reader.await(1, Duration.ofSeconds(10), Duration.ofSeconds(1),
                    r -> "gateway-settings:global".equals(r.key()) && versionOf(r.value()) == version);
            assertEquals(1, events.size(), "one event per committed change");
            JsonNode event = mapper.readTree(events.get(0).value());
            assertEquals("gateway-settings", event.get("kind").asText());
            assertEquals("closed", event.at("/data/limitsFailMode").asText());
            assertEquals("PT20S", event.at("/data/attemptTimeout").asText());
            JsonNode fixture = mapper.readTree(Files.readString(Path.of("src/test/resources/events/config-changes.v1.json")));
            JsonNode golden = null;
            for (JsonNode candidate : fixture) {
                if ("gateway-settings".equals(candidate.get("kind").asText())) {
                    golden = candidate;
                }
            }
            JsonShape.assertSameShape(golden, event);
        }
        admin().body("{}").when().put(PATH).then().statusCode(200).body("attemptTimeout", equalTo("PT1M"));
    }

    /** Runs last: the other tests count the settings' versions from the seed. */
    @Test
    @Order(100)
    void shouldSetABaselinePolicyInTheGatewaySettingsAndRefuseDeletingIt() {
        String id = FirewallPolicyTest.create(TestCatalog.uniqueId("baseline"));
        admin().body("{\"firewallPolicyId\":\"fwp_doesnotexist0000\"}").when().patch("/admin/v1/gateway-settings")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/firewallPolicyId"));
        admin().body("{\"firewallPolicyId\":\"" + id + "\"}").when().patch("/admin/v1/gateway-settings")
                .then().statusCode(200).body("firewallPolicyId", equalTo(id));
        admin().when().delete("/admin/v1/firewall-policies/" + id).then().statusCode(409).body("detail", containsString("baseline"));
        service().when().get("/internal/v1/config-snapshot").then().statusCode(200)
                .body("settings.firewallPolicyId", equalTo(id))
                .body("firewallPolicies.id", hasItem(id));
        admin().body("{\"firewallPolicyId\":null}").when().patch("/admin/v1/gateway-settings")
                .then().statusCode(200).body("firewallPolicyId", nullValue());
        admin().when().delete("/admin/v1/firewall-policies/" + id).then().statusCode(204);
        service().when().get("/internal/v1/config-snapshot").then().statusCode(200)
                .body("firewallPolicies.id", not(hasItem(id)));
    }


    @Test
    void shouldTakeTheRetryBudgetInTheCooldownObjectAndNameABadOne() {
        admin().body("{\"cooldown\":{\"retryRatio\":0.5,\"minRetriesPerSecond\":2}}").when().patch(PATH).then()
                .statusCode(200).body("cooldown.retryRatio", equalTo(0.5f)).body("cooldown.minRetriesPerSecond", equalTo(2))
                .body("cooldown.failures", equalTo(3));
        admin().body("{\"cooldown\":{\"retryRatio\":-1,\"minRetriesPerSecond\":1.5}}").when().patch(PATH).then()
                .statusCode(400).body("errors.pointer", org.hamcrest.Matchers.hasItems("/cooldown/retryRatio",
                        "/cooldown/minRetriesPerSecond"));
        admin().body("{\"cooldown\":{\"retryRatio\":101}}").when().patch(PATH).then()
                .statusCode(400).body("errors[0].pointer", equalTo("/cooldown/retryRatio"));
        admin().body("{\"cooldown\":null}").when().patch(PATH).then().statusCode(200)
                .body("cooldown.retryRatio", equalTo(0.2f));
    }
}
