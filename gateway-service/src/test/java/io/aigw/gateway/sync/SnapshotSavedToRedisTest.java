package io.aigw.gateway.sync;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.SyncReady;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot built from the internal APIs is saved to Redis with the change-topic offsets it reflects. */
@QuarkusTest
@TestProfile(SnapshotSavedToRedisTest.SaveToRedis.class)
class SnapshotSavedToRedisTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    @Inject
    GatewayConfig config;

    @Inject
    ChangeAssignments assignments;

    @Test
    void shouldSaveTheSnapshotInForceWithItsOffsetsAndNoProviderKeyValue() throws Exception {
        GatewayReady.await();
        SyncReady.await(assignments);
        String version = Management.given().get("/q/health/ready").jsonPath().getString("checks.find { it.name == 'routing-snapshot' }.data.version");
        String key = config.redisKeyPrefix() + "snapshot";

        Map<String, String> saved = awaitSaved(key, version);

        assertThat(saved.get("version"), equalTo(version));
        JsonNode offsets = MAPPER.readTree(saved.get("offsets"));
        List<String> topics = new ArrayList<>();
        offsets.fieldNames().forEachRemaining(f -> topics.add(f.substring(0, f.lastIndexOf(':'))));
        assertThat(topics, hasItems("access-key-changes", "provider-key-changes", "config-changes", "catalog-changes"));
        assertThat(MAPPER.readTree(saved.get("catalog")).get("version").asLong(), equalTo(42L));
        for (String value : io.aigw.gateway.support.TestDocuments.KEY_VALUES.values()) {
            assertThat(String.join("\n", saved.values()).contains(value), equalTo(false));
        }
        // sealed under a key Redis never sees: any change to what a replica would load breaks the seal
        io.aigw.gateway.snapshot.SnapshotSignature seal =
                new io.aigw.gateway.snapshot.SnapshotSignature(config.keyPepper().orElseThrow());
        assertThat(seal.verifies(saved.get("signature"), utf8(saved.get("catalog")), utf8(saved.get("config")),
                utf8(saved.get("providerKeys")), utf8(saved.get("offsets")), utf8(version)), equalTo(true));
        String tampered = saved.get("catalog").replaceFirst("http://127\\.0\\.0\\.1", "https://attacker.example");
        assertThat(tampered.equals(saved.get("catalog")), equalTo(false));
        assertThat(seal.verifies(saved.get("signature"), utf8(tampered), utf8(saved.get("config")),
                utf8(saved.get("providerKeys")), utf8(saved.get("offsets")), utf8(version)), equalTo(false));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first load may happen before the partitions are assigned; the reload that follows saves offsets. */
    private Map<String, String> awaitSaved(String key, String version) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (true) {
            Map<String, String> saved = redis.hash(String.class).hgetall(key);
            if (version.equals(saved.get("version")) && saved.get("offsets") != null && saved.get("offsets").contains(":")) {
                return saved;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("snapshot " + version + " not saved to Redis with offsets: " + saved.keySet());
            }
            Thread.sleep(50);
        }
    }

    public static class SaveToRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aigw.gateway.redis-snapshot", "true",
                    "aigw.gateway.redis-key-prefix", "aigw-test-save:" + java.util.UUID.randomUUID() + ":");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(GatewayTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
