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
        CurrentMonth current = currentMonth;
        if (epochMillis >= current.startMillis && epochMillis < current.endMillis) {
            return current.month;
        }
        YearMonth month = YearMonth.from(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
        currentMonth = new CurrentMonth(month, startMillis(month), startMillis(month.plusMonths(1)));
        return month;
    }

    private static long startMillis(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The month of the last call, with its bounds: most calls need no date arithmetic. */
    private record CurrentMonth(YearMonth month, long startMillis, long endMillis) {
    }

    private static volatile CurrentMonth currentMonth = new CurrentMonth(YearMonth.of(1970, 1), 0, 0);

    /** USD as nano-USD, rounded up (a budget is never under-counted). */
    public static long nanos(BigDecimal usd) {
        return usd.multiply(NANOS).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    public Uni<Long> current(String accessKeyId, YearMonth month) {
        return RedisCounters.get(redis, key(accessKeyId, month));
    }

    public Uni<Long> add(String accessKeyId, long epochMillis, BigDecimal usd) {
        return addNanos(accessKeyId, month(epochMillis), nanos(usd));
    }

    /** Adds nano-USD to a month's counter, which expires a week after that month ends. */
    public Uni<Long> addNanos(String accessKeyId, YearMonth month, long nanos) {
        long expiresAt = startMillis(month.plusMonths(1)) + 7 * 86_400_000L;
        return RedisCounters.add(redis, key(accessKeyId, month), nanos, Math.max(1, expiresAt - System.currentTimeMillis()));
    }
}
