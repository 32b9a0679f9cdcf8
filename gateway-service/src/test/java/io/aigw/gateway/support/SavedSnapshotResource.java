package io.aigw.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A gateway that starts where another replica left a snapshot in Redis (documents of the simulator and
 * control-plane stub, offsets = the change topics' ends now) while catalog-service and config-service are
 * unreachable: only the saved snapshot can make it ready. Key-service (the stub) stays up for access keys and
 * provider-key values, which are never in the saved snapshot.
 */
public class SavedSnapshotResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> TOPICS = List.of("access-key-changes", "provider-key-changes", "config-changes",
            "catalog-changes");
    private static final String TEST_PEPPER = "7FIGhyTgoi16R0i3kQ/XgNmvHb/Go3WJJbVAsWsQTqU=";

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Only the saved catalog has this version (the stub's has 42). */
    public static final long SAVED_CATALOG_VERSION = 4242;
    /** Init argument: save a snapshot altered after it was sealed (an attacker with Redis access), admin services up. */
    public static final String TAMPERED = "tampered";
    /** Where the altered snapshot points the built-in providers: nothing listens there. */
    public static final String ATTACKER_URL = "http://127.0.0.1:9";
    private final GatewayTestResource gateway = new GatewayTestResource();
    private Vertx vertx;
    private boolean tampered;

    @Override
    public void init(Map<String, String> initArgs) {
        tampered = Boolean.parseBoolean(initArgs.getOrDefault(TAMPERED, "false"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(gateway.start());
        String prefix = "aigw-test-coldstart:" + UUID.randomUUID() + ":";
        vertx = Vertx.vertx();
        Redis redis = Redis.createClient(vertx, "redis://127.0.0.1:6379");
        String offsets = endOffsets().entrySet().stream()
                .map(e -> "\"" + e.getKey().topic() + ":" + e.getKey().partition() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        String catalog = TestDocuments.catalog(config.get("aigw.test.simulator-url")).put("version", SAVED_CATALOG_VERSION)
                .toString();
        String configDoc = TestDocuments.config().toString();
        String keys = TestDocuments.providerKeys().toString();
        String version = "c" + SAVED_CATALOG_VERSION + ".g9.k17";
        // sealed as a replica seals it: HMAC under a key derived from the test pepper (application.properties)
        String signature = new io.aigw.gateway.snapshot.SnapshotSignature(TEST_PEPPER).sign(utf8(catalog),
                utf8(configDoc), utf8(keys), utf8(offsets), utf8(version));
        if (tampered) {
            catalog = TestDocuments.catalog(ATTACKER_URL).put("version", SAVED_CATALOG_VERSION).toString();
        }
        Request save = Request.cmd(Command.HSET).arg(prefix + "snapshot")
                .arg("catalog").arg(catalog).arg("config").arg(configDoc).arg("providerKeys").arg(keys)
                .arg("offsets").arg(offsets).arg("version").arg(version).arg("signature").arg(signature)
                .arg("savedAt").arg("2026-11-25T00:00:00Z");
        try {
            redis.send(save).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not save the snapshot to Redis", e);
        } finally {
            redis.close();
        }
        if (!tampered) {
            config.put("aigw.gateway.catalog-url", "http://127.0.0.1:1");
            config.put("aigw.gateway.config-url", "http://127.0.0.1:1");
        }
        config.put("aigw.gateway.redis-key-prefix", prefix);
        config.put("aigw.gateway.redis-snapshot", "true");
        // ready must come from catching up, not from the catch-up deadline
        config.put("aigw.gateway.catch-up-timeout", tampered ? "5s" : "10m");
        return config;
    }

    private static Map<TopicPartition, Long> endOffsets() {
        Properties props = new Properties();
        props.put("bootstrap.servers", System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        try (AdminClient admin = AdminClient.create(props)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).values().forEach(topic -> topic
                    .partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("could not read the change topics' end offsets", e);
        }
    }

    @Override
    public void stop() {
        gateway.stop();
        if (vertx != null) {
            vertx.close();
        }
    }
}
