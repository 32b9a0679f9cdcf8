package io.aigw.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.SimulatorClient;
import io.aigw.gateway.support.TestKeys;
import io.aigw.gateway.support.UsageEventsReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cooldowns at the proxy: gateway settings say 2 failures within 30 s cool a backend down for 1 s. */
@QuarkusTest
@TestProfile(CooldownTest.Profile.class)
class CooldownTest {

    @jakarta.inject.Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    @jakarta.inject.Inject
    io.aigw.gateway.config.GatewayConfig config;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GatewayTestResource.class, Map.of("cooldownFailures", "2")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @BeforeEach
    void ready() {
        GatewayReady.await();
        SimulatorClient.clear();
    }

    private static ValidatableResponse chat(String model) {
        return given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then();
    }

    @Test
    void shouldSkipAFailingBackendAfterTwoFailuresThenProbeItOnceTheCooldownEnds() throws Exception {
        String model = "backup:cd@status-seq=503,503,503,200,scenario=" + UUID.randomUUID();
        chat(model).statusCode(502);
        chat(model).statusCode(502);
        chat(model).statusCode(503).body("error.code", equalTo("all_attempts_failed"))
                .header("Retry-After", "1")
                .header(GatewayHeaders.ATTEMPTS, "0")
                .header(GatewayHeaders.SKIPPED, containsString("key pk_backup: cooling down after failures"));
        assertThat("the cooling backend was not called", SimulatorClient.received().size(), equalTo(2));

        Thread.sleep(1_100);
        chat(model).statusCode(502).header(GatewayHeaders.ATTEMPTS, "1"); // the probe: still 503 upstream
        chat(model).statusCode(503).body("error.code", equalTo("all_attempts_failed"));
        assertThat(SimulatorClient.received().size(), equalTo(3));

        Thread.sleep(1_100);
        chat(model).statusCode(200); // the probe succeeds: closed again
        chat(model).statusCode(200).header(GatewayHeaders.ATTEMPTS, "1");
        assertThat(SimulatorClient.received().size(), equalTo(5));
        Management.given().get("/q/metrics").then().body(containsString("aigw_backend_skipped_total{provider=\"backup\"}"))
                .body(containsString("aigw_backend_cooldowns_total{provider=\"backup\"}"));
    }

    @Test
    void shouldRecordACoolingBackendOnTheAttemptTraceOfTheModelThatServedOrAloneWhenNoneWasTried() throws Exception {
        String model = "backup:trace-" + UUID.randomUUID() + "@status=503";
        chat(model).statusCode(502);
        chat(model).statusCode(502);
        try (UsageEventsReader usage = new UsageEventsReader()) {
            String served = given().auth().oauth2(TestKeys.ALLOW_ALL).contentType(ContentType.JSON)
                    .body("{\"model\":\"" + model + "\",\"models\":[\"openai:gpt-4o\"],"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                    .when().post("/v1/chat/completions").then().statusCode(200)
                    .header(GatewayHeaders.MODEL, "openai:gpt-4o").extract().header(GatewayHeaders.REQUEST_ID);
            List<JsonNode> attempts = usage.eventsOf(served, 1);
            assertThat(attempts.size(), equalTo(1));
            JsonNode skipped = attempts.get(0).path("skipped").get(0);
            assertThat(skipped.path("model").asText(), equalTo(model));
            assertThat(skipped.path("providerKeyId").asText(), equalTo("pk_backup"));
            assertThat(skipped.path("reason").asText(), equalTo("cooling_down"));
            assertThat(skipped.path("detail").asText(), startsWith("cooling down after failures"));

            String refused = chat(model).statusCode(503).extract().header(GatewayHeaders.REQUEST_ID);
            List<JsonNode> none = usage.eventsOf(refused, 1);
            assertThat("a request with no attempt still has its trace", none.size(), equalTo(1));
            assertThat(none.get(0).path("attempt").asInt(), equalTo(0));
            assertThat(none.get(0).path("outcome").asText(), equalTo("skipped"));
            assertThat(none.get(0).path("final").asBoolean(), equalTo(true));
            assertThat(none.get(0).path("status").asInt(), equalTo(503));
            assertThat(none.get(0).path("costUsd").decimalValue().signum(), equalTo(0));
            assertThat(none.get(0).path("skipped").get(0).path("reason").asText(), equalTo("cooling_down"));
        }
    }

    @Test
    void shouldCoolAKeyForTheRetryAfterOfIts429() {
        String model = "backup:ra-" + UUID.randomUUID() + "@status=429,retry-after=10";
        chat(model).statusCode(429).body("error.code", equalTo("upstream_rate_limited"));
        chat(model).statusCode(503).body("error.code", equalTo("all_attempts_failed"))
                .header("Retry-After", "10");
        assertThat("one failure only: the Retry-After, not the count, cooled it", SimulatorClient.received().size(),
                equalTo(1));
    }

    @Test
    void shouldListACoolingBackendOnTheManagementPortOnly() {
        String model = "backup:health-" + UUID.randomUUID() + "@status=503";
        chat(model).statusCode(502);
        chat(model).statusCode(502);
        String backend = "key:pk_backup:" + model;
        Management.given().get("/q/backends").then().statusCode(200).contentType(ContentType.JSON)
                .body("backends.find { it.backend == '" + backend + "' }.state", equalTo("open"))
                .body("backends.find { it.backend == '" + backend + "' }.coolingForMs", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(TestKeys.ALLOW_ALL).when().get("/q/backends").then().statusCode(404);
    }

    @Test
    void shouldLeaveTheHalfOpenProbeToTheReplicaHoldingTheClustersProbe() throws Exception {
        String model = "backup:probe@status-seq=503,503,200,scenario=" + UUID.randomUUID();
        chat(model).statusCode(502);
        chat(model).statusCode(502);
        String probe = config.redisKeyPrefix() + "cooldown-probe:key:pk_backup:" + model;
        Thread.sleep(1_100); // the cooldown (1 s) ends (and the gateway's clearing of an older claim is long done)
        // another replica took the cluster's probe of this backend
        redis.value(String.class).set(probe, "1", new io.quarkus.redis.datasource.value.SetArgs().px(60_000));
        chat(model).statusCode(503).body("error.code", equalTo("all_attempts_failed"))
                .header(GatewayHeaders.SKIPPED, containsString("key pk_backup: cooling down after failures"));
        chat(model).statusCode(503);
        assertThat("no probe from this replica while the other's is out", SimulatorClient.received().size(), equalTo(2));

        redis.key().del(probe); // that probe settled
        chat(model).statusCode(200).header(GatewayHeaders.ATTEMPTS, "1"); // this replica's probe, which closes it
        chat(model).statusCode(200);
        assertThat(SimulatorClient.received().size(), equalTo(4));
        assertThat("a successful probe frees the cluster's probe", redis.key().exists(probe), equalTo(false));
    }
}
