package io.aigw.gateway.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Meters of limit checks: refusals by the limit that refused (`requests`, `tokens`, `budget`), and checks
 * Redis could not answer in time, by what `limitsFailMode` then did (`open` admitted, `closed` refused).
 * Meters are created once; the request path only increments.
 */
@Singleton
public class LimitMetrics {

    private final Counter requests;
    private final Counter tokens;
    private final Counter budget;
    private final Counter uncheckedOpen;
    private final Counter uncheckedClosed;

    public LimitMetrics(MeterRegistry registry) {
        requests = refusals(registry, "requests");
        tokens = refusals(registry, "tokens");
        budget = refusals(registry, "budget");
        uncheckedOpen = unchecked(registry, "open");
        uncheckedClosed = unchecked(registry, "closed");
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

    private static Counter refusals(MeterRegistry registry, String limit) {
        return Counter.builder("aigw.limit.refusals").tag("limit", limit)
                .description("Requests refused by a limit of their access key (requests/tokens per minute, monthly budget)")
                .register(registry);
    }

    private static Counter unchecked(MeterRegistry registry, String mode) {
        return Counter.builder("aigw.limit.unchecked").tag("fail_mode", mode)
                .description("Limit checks Redis did not answer in time, by what limitsFailMode did")
                .register(registry);
    }
}
