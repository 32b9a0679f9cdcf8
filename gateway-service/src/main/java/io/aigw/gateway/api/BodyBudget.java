package io.aigw.gateway.api;

import io.aigw.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The process-wide budget of request-body bytes held in memory (the capacity of every body buffer of a request
 * not yet answered). A request whose buffer would pass it is refused with 503 `overloaded`, so a flood of large or
 * slow bodies cannot exhaust the heap. Exported as `aigw_request_body_bytes_in_flight`.
 */
@Singleton
public class BodyBudget {

    private final AtomicLong inFlight = new AtomicLong();
    private final long max;

    public BodyBudget(GatewayConfig config, MeterRegistry registry) {
        this.max = config.maxInFlightBodyBytes();
        Gauge.builder("aigw.request.body.bytes.in.flight", inFlight, AtomicLong::get)
                .description("Request-body buffer bytes held by requests not yet answered").register(registry);
    }

    /** Takes {@code bytes} from the budget; false (nothing taken) when they do not fit. */
    boolean tryTake(long bytes) {
        while (true) {
            long now = inFlight.get();
            if (now + bytes > max) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void give(long bytes) {
        inFlight.addAndGet(-bytes);
    }
}
