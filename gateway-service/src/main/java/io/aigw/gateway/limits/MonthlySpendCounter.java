package io.aigw.gateway.limits;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Month-to-date spend per access key in nano-USD (an integer, so Redis adds it exactly):
 * `aigw:spend:<accessKeyId>:<yyyy-MM>` (UTC calendar month), expiring a week after the month ends.
 */
@Singleton
public class MonthlySpendCounter {

    private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);
    private final ReactiveRedisDataSource redis;

    public MonthlySpendCounter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public static String key(String accessKeyId, YearMonth month) {
        return "aigw:spend:" + accessKeyId + ":" + month;
    }

    public static YearMonth month(long epochMillis) {
        return YearMonth.from(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
    }

    /** USD as nano-USD, rounded up (a budget is never under-counted). */
    public static long nanos(BigDecimal usd) {
        return usd.multiply(NANOS).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public Uni<Long> current(String accessKeyId, YearMonth month) {
        return RedisCounters.get(redis, key(accessKeyId, month));
    }

    public Uni<Long> add(String accessKeyId, long epochMillis, BigDecimal usd) {
        YearMonth month = month(epochMillis);
        long expiresAt = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() + 7 * 86_400_000L;
        return RedisCounters.add(redis, key(accessKeyId, month), nanos(usd), Math.max(1, expiresAt - epochMillis));
    }
}
