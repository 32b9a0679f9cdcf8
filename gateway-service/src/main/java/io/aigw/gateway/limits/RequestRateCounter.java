package io.aigw.gateway.limits;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Requests per access key per fixed UTC minute, shared by every replica: `aigw:rpm:<accessKeyId>:<minute>`
 * (minute = epoch minutes), counted atomically, expiring two minutes after its last write.
 */
@Singleton
public class RequestRateCounter {

    static final long TTL_MILLIS = 120_000;
    private final ReactiveRedisDataSource redis;

    public RequestRateCounter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public static String key(String accessKeyId, long minute) {
        return "aigw:rpm:" + accessKeyId + ":" + minute;
    }

    /** Counts one request in {@code minute}; answers the minute's count including it. */
    public Uni<Long> increment(String accessKeyId, long minute) {
        return RedisCounters.add(redis, key(accessKeyId, minute), 1, TTL_MILLIS);
    }
}
