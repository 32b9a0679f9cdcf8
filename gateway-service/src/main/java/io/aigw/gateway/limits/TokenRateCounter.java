package io.aigw.gateway.limits;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Tokens (input + output, as metered) per access key per fixed UTC minute: `aigw:tpm:<accessKeyId>:<minute>`,
 * added atomically after each attempt, expiring two minutes after its last write.
 */
@Singleton
public class TokenRateCounter {

    static final long TTL_MILLIS = 120_000;
    private final ReactiveRedisDataSource redis;

    public TokenRateCounter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public static String key(String accessKeyId, long minute) {
        return "aigw:tpm:" + accessKeyId + ":" + minute;
    }

    public Uni<Long> current(String accessKeyId, long minute) {
        return RedisCounters.get(redis, key(accessKeyId, minute));
    }

    public Uni<Long> add(String accessKeyId, long minute, long tokens) {
        return RedisCounters.add(redis, key(accessKeyId, minute), tokens, TTL_MILLIS);
    }
}
