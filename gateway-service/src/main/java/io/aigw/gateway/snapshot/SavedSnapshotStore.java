package io.aigw.gateway.snapshot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The last materialised snapshot, shared by the replicas in one Redis hash (`<prefix>snapshot`): the three
 * internal-API documents as received, the snapshot version, when it was saved, and the change-topic offsets
 * it reflects (every event before them is in it). Written in one HSET, so a reader never sees half of one.
 * Holds no secret: provider-key metadata only, never a decrypted value. Sealed by a {@link SnapshotSignature} under a
 * key Redis never sees: a snapshot whose signature does not verify is not used (the internal APIs are asked).
 */
@Singleton
public class SavedSnapshotStore {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final TypeReference<Map<String, Long>> OFFSETS = new TypeReference<>() {
    };

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;
    private final String key;
    private final SnapshotSignature signature;

    public SavedSnapshotStore(ReactiveRedisDataSource redis, ObjectMapper mapper, GatewayConfig config) {
        this.redis = redis;
        this.mapper = mapper;
        this.key = config.redisKeyPrefix() + "snapshot";
        this.signature = new SnapshotSignature(config.keyPepper().orElseThrow(
                () -> new IllegalStateException("aigw.gateway.key-pepper is required")));
    }

    /** The saved snapshot, empty when there is none; fails when Redis does not answer. */
    Uni<Optional<Saved>> load() {
        return redis.execute("HMGET", key, "catalog", "config", "providerKeys", "offsets", "version", "signature")
                .ifNoItem().after(READ_TIMEOUT).fail()
                .map(this::toSaved);
    }

    Uni<Void> save(RawDocuments documents, String version, Map<String, Long> offsets) {
        return Uni.createFrom().item(() -> json(offsets)).chain(offsetsJson -> redis.execute("HSET", key,
                "catalog", text(documents.catalog()), "config", text(documents.config()),
                "providerKeys", text(documents.providerKeys()), "offsets", offsetsJson, "version", version,
                "signature", signature.sign(documents.catalog(), documents.config(), documents.providerKeys(),
                        offsetsJson.getBytes(StandardCharsets.UTF_8), version.getBytes(StandardCharsets.UTF_8)),
                "savedAt", Instant.now().toString())).replaceWithVoid();
    }

    private Optional<Saved> toSaved(Response response) {
        if (response == null || response.size() < 6 || response.get(0) == null || response.get(1) == null
                || response.get(2) == null) {
            return Optional.empty();
        }
        byte[] offsetsBytes = response.get(3) == null ? new byte[0] : response.get(3).toBytes();
        byte[] versionBytes = response.get(4) == null ? new byte[0] : response.get(4).toBytes();
        if (!signature.verifies(response.get(5) == null ? null : response.get(5).toString(), response.get(0).toBytes(),
                response.get(1).toBytes(), response.get(2).toBytes(), offsetsBytes, versionBytes)) {
            Log.warnf("The snapshot saved in Redis (%s) is unsigned or its signature does not verify: not used", key);
            return Optional.empty();
        }
        Map<String, Long> offsets;
        try {
            offsets = response.get(3) == null ? Map.of() : mapper.readValue(response.get(3).toString(), OFFSETS);
        } catch (IOException e) {
            offsets = Map.of();
        }
        return Optional.of(new Saved(new RawDocuments(response.get(0).toBytes(), response.get(1).toBytes(),
                response.get(2).toBytes()), response.get(4) == null ? "" : response.get(4).toString(), offsets));
    }

    private String json(Map<String, Long> offsets) {
        try {
            return mapper.writeValueAsString(offsets);
        } catch (IOException e) {
            throw new IllegalStateException("offsets do not serialise", e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A snapshot read back from Redis. */
    record Saved(RawDocuments documents, String version, Map<String, Long> offsets) {
    }
}
