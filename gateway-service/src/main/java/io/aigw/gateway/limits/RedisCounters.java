package io.aigw.gateway.limits;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/** The two Redis operations every counter uses: an atomic add-with-expiry (Lua) and a read. */
final class RedisCounters {

    /** INCRBY and (re)set the expiry in one atomic step, so no counter ever lives without a TTL. */
    static final String ADD = "local n = redis.call('INCRBY', KEYS[1], ARGV[1]) "
            + "redis.call('PEXPIRE', KEYS[1], ARGV[2]) return n";

    private RedisCounters() {
    }

    static Uni<Long> add(ReactiveRedisDataSource redis, String key, long amount, long ttlMillis) {
        return redis.execute("EVAL", ADD, "1", key, Long.toString(amount), Long.toString(ttlMillis))
                .map(RedisCounters::toLong);
    }

    static Uni<Long> get(ReactiveRedisDataSource redis, String key) {
        return redis.execute("GET", key).map(RedisCounters::toLong);
    }

    private static long toLong(Response response) {
        return response == null ? 0 : response.toLong();
    }
}
