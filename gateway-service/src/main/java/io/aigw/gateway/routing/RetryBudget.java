package io.aigw.gateway.routing;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * This replica's retry budget (SPEC §1.4: "a retry budget bounds retries"): over the last {@value #SECONDS} seconds,
 * attempts after a request's first (failovers and same-backend retries) may number at most {@code ratio} × the
 * requests started plus {@code minPerSecond} × {@value #SECONDS}. When it is spent, requests stop after their current
 * attempt instead of failing over, so a failing upstream is not hit by a multiple of the traffic (a retry storm).
 *
 * <p>Counted in one-second buckets, lock-free; two threads turning a bucket over at the same instant may lose a count,
 * which only moves the bound by one. Per replica: each replica spends its own budget, so the cluster's retries stay
 * within the same ratio of the cluster's requests.
 */
public final class RetryBudget {

    static final int SECONDS = 10;

    private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);
    private final AtomicLongArray requests = new AtomicLongArray(SECONDS);
    private final AtomicLongArray retries = new AtomicLongArray(SECONDS);
    private final LongSupplier clockMillis;

    public RetryBudget() {
        this(System::currentTimeMillis);
    }

    /** {@code clockMillis}: the wall clock, replaceable in tests. */
    public RetryBudget(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /** A request started (its first attempt is not a retry). */
    public void request() {
        requests.incrementAndGet(bucket(clockMillis.getAsLong() / 1000));
    }

    /** Whether one more retry fits the budget; when it does, it is counted. */
    public boolean tryRetry(CooldownSettings settings) {
        long second = clockMillis.getAsLong() / 1000;
        int current = bucket(second);
        long requested = 0;
        long retried = 0;
        for (int i = 0; i < SECONDS; i++) {
            long stamp = stamps.get(i);
            if (stamp > second - SECONDS && stamp <= second) {
                requested += requests.get(i);
                retried += retries.get(i);
            }
        }
        double allowed = settings.retryRatio() * requested + (double) settings.minRetriesPerSecond() * SECONDS;
        if (retried + 1 > allowed) {
            return false;
        }
        retries.incrementAndGet(current);
        return true;
    }

    /** The bucket of {@code second}, cleared first when it still holds an older second. */
    private int bucket(long second) {
        int i = (int) Math.floorMod(second, (long) SECONDS);
        long stamp = stamps.get(i);
        if (stamp != second && stamps.compareAndSet(i, stamp, second)) {
            requests.set(i, 0);
            retries.set(i, 0);
        }
        return i;
    }
}
