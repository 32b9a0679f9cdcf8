package io.aigw.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of limit checks: refusals by the limit that refused (`requests`, `tokens`, `budget`); checks Redis or the
 * ledger could not answer in time, by what `limitsFailMode` then did (`open` admitted, `closed` refused); budget
 * counters rebuilt from the ledger (`ok`, `failed`); the reconciliation's drift and corrections. Meters are created
 * once; the request path only increments.
 */
@Singleton
public class LimitMetrics {

    private final Counter requests;
    private final Counter tokens;
    private final Counter budget;
    private final Counter uncheckedOpen;
    private final Counter uncheckedClosed;
    private final Counter rebuiltOk;
    private final Counter rebuiltFailed;
    private final Counter corrections;
    private final Counter correctedUsd;
    private final AtomicLong driftUnderNanos = new AtomicLong();
    private final AtomicLong driftOverNanos = new AtomicLong();

    public LimitMetrics(MeterRegistry registry) {
        requests = refusals(registry, "requests");
        tokens = refusals(registry, "tokens");
        budget = refusals(registry, "budget");
        uncheckedOpen = unchecked(registry, "open");
        uncheckedClosed = unchecked(registry, "closed");
        rebuiltOk = rebuilds(registry, "ok");
        rebuiltFailed = rebuilds(registry, "failed");
        corrections = Counter.builder("aigw.budget.corrections")
                .description("Budget counters the reconciliation raised to the ledger's spend").register(registry);
        correctedUsd = Counter.builder("aigw.budget.corrected.usd")
                .description("USD added to budget counters by the reconciliation").register(registry);
        registry.gauge("aigw.budget.drift.usd", java.util.List.of(io.micrometer.core.instrument.Tag.of("direction", "under")),
                driftUnderNanos, n -> n.get() / 1e9);
        registry.gauge("aigw.budget.drift.usd", java.util.List.of(io.micrometer.core.instrument.Tag.of("direction", "over")),
                driftOverNanos, n -> n.get() / 1e9);
    }

    void refusedForRequests() {
        requests.increment();
    }

    void refusedForTokens() {
        tokens.increment();
    }

    void refusedForBudget() {
        budget.increment();
    }

    void unchecked(boolean failOpen) {
        (failOpen ? uncheckedOpen : uncheckedClosed).increment();
    }

    void rebuilt(boolean ok, int counters) {
        (ok ? rebuiltOk : rebuiltFailed).increment(counters);
    }

    void drift(long underNanos, long overNanos) {
        driftUnderNanos.set(underNanos);
        driftOverNanos.set(overNanos);
    }

    void corrected(int counters, long nanos) {
        corrections.increment(counters);
        correctedUsd.increment(nanos / 1e9);
    }

    private static Counter refusals(MeterRegistry registry, String limit) {
        return Counter.builder("aigw.limit.refusals").tag("limit", limit)
                .description("Requests refused by a limit of their access key (requests/tokens per minute, budgets)")
                .register(registry);
    }

    private static Counter unchecked(MeterRegistry registry, String mode) {
        return Counter.builder("aigw.limit.unchecked").tag("fail_mode", mode)
                .description("Limit checks Redis or the ledger did not answer in time, by what limitsFailMode did")
                .register(registry);
    }

    private static Counter rebuilds(MeterRegistry registry, String outcome) {
        return Counter.builder("aigw.budget.rebuilds").tag("outcome", outcome)
                .description("Budget counters missing from Redis and rebuilt from key-service's ledger").register(registry);
    }
}
