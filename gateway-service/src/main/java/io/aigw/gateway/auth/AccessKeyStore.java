package io.aigw.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.snapshot.InternalApiClient;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Access-key records shared by every replica: Redis first (`<prefix>access-key:<publicId>`, with a TTL),
 * key-service's `GET /internal/v1/access-keys/{publicId}` when Redis has no usable entry, its entry is older
 * than `access-key-redis-fresh-for`, or Redis is unreachable.
 * What key-service answers is written back, but never over a newer version. Change events update the entry
 * (see {@link #changed}), so a revocation holds on every replica without waiting for the TTL. Unknown public
 * ids are remembered briefly and never overwrite a known entry.
 */
@Singleton
public class AccessKeyStore {

    static final Duration UNKNOWN_TTL = Duration.ofSeconds(60);
    private static final String UNKNOWN = "{\"unknown\":true}";

    private final ReactiveRedisDataSource redis;
    private final InternalApiClient client;
    private final AccessKeyDocuments documents;
    private final String keysUrl;
    private final String prefix;
    private final String ttlMillis;
    private final Duration redisTimeout;
    private final long freshForMillis;

    public AccessKeyStore(ReactiveRedisDataSource redis, InternalApiClient client, AccessKeyDocuments documents,
            GatewayConfig config) {
        this.redis = redis;
        this.client = client;
        this.documents = documents;
        this.keysUrl = config.keysUrl();
        this.prefix = config.redisKeyPrefix() + "access-key:";
        this.ttlMillis = Long.toString(config.accessKeyRedisTtl().toMillis());
        this.redisTimeout = config.redisTimeout();
        this.freshForMillis = config.accessKeyRedisFreshFor().toMillis();
    }

    /**
     * The record, empty for an unknown public id: from Redis while fresh, else from key-service (a Redis record
     * that is no longer fresh still answers when key-service does not); fails only when neither can say.
     */
    public Uni<Optional<AccessKeyRecord>> find(String publicId) {
        return fromRedis(publicId).onItem().transformToUni(cached -> {
            if (cached == null) {
                return fromKeyService(publicId, true);
            }
            if (System.currentTimeMillis() - cached.confirmedAt() < freshForMillis) {
                return Uni.createFrom().item(cached.record());
            }
            return fromKeyService(publicId, true).map(fetched -> newer(fetched, cached.record()))
                    .onFailure().recoverWithItem(cached.record());
        }).onFailure(RedisUnavailable.class).recoverWithUni(() -> fromKeyService(publicId, false));
    }

    /**
     * Puts an access-key change event into Redis: `updated`/`revoked` with the key's hash already there are
     * merged (status, expiry, configuration; the hash kept), anything else leaves a stale marker at the event's
     * version so the next look-up asks key-service. Entries at that version or newer are left alone.
     */
    public Uni<Void> changed(String publicId, String type, long version, JsonNode data) {
        boolean mergeable = data != null && data.isObject() && ("updated".equals(type) || "revoked".equals(type));
        String merged = mergeable ? documents.mergeable((ObjectNode) data) : "";
        return redis.execute("EVAL", AccessKeyScripts.APPLY_CHANGE, "1", prefix + publicId, Long.toString(version),
                merged, ttlMillis, Long.toString(System.currentTimeMillis())).replaceWithVoid();
    }

    /** Key-service's answer, unless Redis already holds a newer version (a change event got there first). */
    private static Optional<AccessKeyRecord> newer(Optional<AccessKeyRecord> fetched, Optional<AccessKeyRecord> cached) {
        if (fetched.isPresent() && cached.isPresent() && cached.get().version() > fetched.get().version()) {
            return cached;
        }
        return fetched;
    }

    private Uni<Cached> fromRedis(String publicId) {
        return redis.execute("GET", prefix + publicId)
                .ifNoItem().after(redisTimeout).fail()
                .onFailure().transform(RedisUnavailable::new)
                .map(response -> response == null ? null : documents.cached(response.toString()));
    }

    private Uni<Optional<AccessKeyRecord>> fromKeyService(String publicId, boolean writeBack) {
        return Uni.createFrom().completionStage(() -> client.get(keysUrl, "/internal/v1/access-keys/" + publicId)
                .toCompletionStage()).map(answer -> {
                    if (answer.status() == 404) {
                        return Optional.<AccessKeyRecord>empty();
                    }
                    if (answer.status() != 200) {
                        throw new IllegalStateException("key-service answered HTTP " + answer.status());
                    }
                    return Optional.of(documents.parse(answer.body().getBytes()));
                }).call(found -> writeBack ? remember(publicId, found) : Uni.createFrom().voidItem());
    }

    /** Best effort: a failed write leaves Redis to the next look-up. */
    private Uni<Void> remember(String publicId, Optional<AccessKeyRecord> found) {
        Uni<Response> write = found.isEmpty()
                ? redis.execute("SET", prefix + publicId, UNKNOWN, "PX", Long.toString(UNKNOWN_TTL.toMillis()), "NX")
                : redis.execute("EVAL", AccessKeyScripts.PUT_FETCHED, "1", prefix + publicId,
                        documents.stored(found.get()), Long.toString(found.get().version()), ttlMillis);
        return write.ifNoItem().after(redisTimeout).fail().onFailure().recoverWithItem(e -> {
            Log.debugf("Access key %s not written to Redis: %s", publicId, e.getMessage());
            return null;
        }).replaceWithVoid();
    }

    /** Redis did not answer (down, or slower than `redis-timeout`). */
    static final class RedisUnavailable extends RuntimeException {
        RedisUnavailable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * An entry as Redis holds it; {@code record} is empty for a remembered unknown id; {@code confirmedAt} is
     * when key-service last answered it (epoch ms).
     */
    record Cached(Optional<AccessKeyRecord> record, long confirmedAt) {
    }
}
