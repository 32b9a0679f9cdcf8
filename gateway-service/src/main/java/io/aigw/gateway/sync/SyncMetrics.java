package io.aigw.gateway.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meters of change-event following: events applied and dropped by topic, reloads that failed, and the
 * propagation latency (event `occurredAt` → in force on this replica) as a histogram.
 */
@Singleton
public class SyncMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> applied = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private final Map<String, Timer> propagation = new ConcurrentHashMap<>();
    private final Counter reloadFailures;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reloadFailures = Counter.builder("aigw.snapshot.reload.failures")
                .description("Event-triggered snapshot reloads that failed (fetch or build); the old snapshot kept serving")
                .register(registry);
    }

    /** One event in force on this replica. */
    public void applied(ChangeEvent event) {
        applied.computeIfAbsent(event.topic(), t -> Counter.builder("aigw.sync.events.applied")
                .description("Change events applied, by topic").tag("topic", t).register(registry)).increment();
        if (event.occurredAt() != null) {
            long millis = Math.max(0, Duration.between(event.occurredAt(), Instant.now()).toMillis());
            propagation.computeIfAbsent(event.topic(), t -> Timer.builder("aigw.sync.propagation")
                    .description("Change event occurredAt to in force on this replica, by topic").tag("topic", t)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(1)).register(registry)).record(Duration.ofMillis(millis));
        }
    }

    /** One event not applied: `stale` (version not above the applied one), `malformed`, `unknown-topic`. */
    public void dropped(String topic, String reason) {
        dropped.computeIfAbsent(topic + "|" + reason, k -> Counter.builder("aigw.sync.events.dropped")
                .description("Change events dropped, by topic and reason").tags("topic", topic, "reason", reason)
                .register(registry)).increment();
    }

    public void reloadFailed() {
        reloadFailures.increment();
    }
}
