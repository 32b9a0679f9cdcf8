package io.aigw.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.support.ChangeEventsWriter;
import io.aigw.gateway.support.ControlPlaneClient;
import io.aigw.gateway.support.ControlPlaneStub;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.Metrics;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.SyncReady;
import io.aigw.gateway.sync.ChangeAssignments;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access-key records shared by the replicas in Redis: read there first, kept current by change events. */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class SharedAccessKeyRecordsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RedisDataSource redis;

    @Inject
    GatewayConfig config;

    @Inject
    ChangeAssignments assignments;

    @BeforeEach
    void ready() throws Exception {
        GatewayReady.await();
        SyncReady.await(assignments);
    }

    @Test
    void shouldAuthenticateAKeyThatAnotherReplicaPutInRedisWithoutAskingKeyService() throws Exception {
        String publicId = randomId();
        String secret = "S3cretShared_" + randomId();
        redis.value(String.class).set(entry(publicId), record(publicId, secret, "active", 1).toString());
        int lookups = ControlPlaneClient.accessKeyLookups();

        models("ag-" + publicId + "-g1-" + secret).then().statusCode(200);

        // the control-plane stub does not even know this key: only the Redis record can have answered
        assertThat(ControlPlaneClient.accessKeyLookups(), equalTo(lookups));
    }

    @Test
    void shouldRefuseAKeyOnceItsRevocationEventReachedRedisEvenIfKeyServiceWasNotAsked() throws Exception {
        String publicId = randomId();
        String token = ControlPlaneClient.addAccessKey(publicId, "S3cretShared_" + randomId());
        models(token).then().statusCode(200);

        try (ChangeEventsWriter writer = new ChangeEventsWriter()) {
            writer.send("access-key-changes", revokedEvent(publicId, 2));
        }

        // key-service (the stub) still says active: the merged Redis record is what refuses the key
        awaitStatus(token, 401);
        String stored = redis.value(String.class).get(entry(publicId));
        assertThat(MAPPER.readTree(stored).get("status").asText(), equalTo("revoked"));
        assertThat(MAPPER.readTree(stored).get("version").asLong(), equalTo(2L));
    }

    @Test
    void shouldNeverLetAnOlderChangeOverwriteANewerRecord() throws Exception {
        String publicId = randomId();
        String secret = "S3cretShared_" + randomId();
        redis.value(String.class).set(entry(publicId), record(publicId, secret, "revoked", 5).toString());
        ObjectNode olderActive = revokedEvent(publicId, 3);
        ((ObjectNode) olderActive.get("data")).put("status", "active");
        olderActive.put("type", "updated");
        String applied = "aigw_sync_events_applied_total{topic=\"access-key-changes\"}";
        double before = Metrics.value(applied);

        try (ChangeEventsWriter writer = new ChangeEventsWriter()) {
            writer.send("access-key-changes", olderActive);
        }

        Metrics.awaitAtLeast(applied, before + 1);
        models("ag-" + publicId + "-g1-" + secret).then().statusCode(401);
        assertThat(MAPPER.readTree(redis.value(String.class).get(entry(publicId))).get("version").asLong(),
                equalTo(5L));
    }

    private String entry(String publicId) {
        return config.redisKeyPrefix() + "access-key:" + publicId;
    }

    private static ObjectNode record(String publicId, String secret, String status, long version) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(ControlPlaneStub.PEPPER), "HmacSHA256"));
        String hash = Base64.getEncoder().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        return MAPPER.createObjectNode().put("id", "ak_" + publicId).put("publicId", publicId).put("status", status)
                .put("secretHash", hash).put("version", version).put("fetchedAt", System.currentTimeMillis());
    }

    private static ObjectNode revokedEvent(String publicId, long version) throws Exception {
        ObjectNode event = ChangeEventsWriter.fixture(ChangeEventsWriter.ACCESS_KEYS, "access-key", "revoked")
                .put("id", "ak_" + publicId).put("version", version);
        ((ObjectNode) event.get("data")).put("id", "ak_" + publicId).put("publicId", publicId).put("status", "revoked")
                .put("version", version).put("updatedAt", Instant.now().toString());
        return event;
    }

    private static io.restassured.response.Response models(String token) {
        return given().auth().oauth2(token).when().get("/v1/models");
    }

    private static void awaitStatus(String token, int status) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (models(token).statusCode() != status) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("no HTTP " + status + " within 10 s");
            }
            Thread.sleep(20);
        }
    }



    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder s = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
