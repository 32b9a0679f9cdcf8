package io.aigw.gateway.limits;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The spend of keys without a budget: summed in memory and added to Redis once a second per key and month,
 * instead of one Redis call per request. Their month-to-date still reaches Redis (so a budget set mid-month
 * sees the month so far), about a second later. An amount Redis refuses is kept for the next flush.
 */
@Singleton
public class SpendBatcher {

    static final long FLUSH_INTERVAL_MS = 1_000;

    private final Map<SpendKey, Long> pending = new ConcurrentHashMap<>();
    private final MonthlySpendCounter spend;
    private final Vertx vertx;
    private final long timer;

    public SpendBatcher(MonthlySpendCounter spend, Vertx vertx) {
        this.spend = spend;
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(FLUSH_INTERVAL_MS, id -> flush());
    }

    /** Adds nano-USD to the key's month; reaches Redis with the next flush. */
    void add(String accessKeyId, YearMonth month, long nanos) {
        pending.merge(new SpendKey(accessKeyId, month), nanos, Long::sum);
    }

    /** Moves every pending amount to Redis (each key's amount is taken atomically, so none is counted twice). */
    void flush() {
        for (SpendKey key : pending.keySet()) {
            Long nanos = pending.remove(key);
            if (nanos != null && nanos > 0) {
                spend.addNanos(key.accessKeyId(), key.month(), nanos).subscribe().with(n -> { }, failure -> {
                    pending.merge(key, nanos, Long::sum);
                    Log.debugf("Spend of %s kept for the next flush: %s", key.accessKeyId(),
                            failure.getClass().getSimpleName());
                });
            }
        }
    }

    @PreDestroy
    void close() {
        vertx.cancelTimer(timer);
        flush();
    }

    private record SpendKey(String accessKeyId, YearMonth month) {
    }
}
