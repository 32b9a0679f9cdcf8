package io.aigw.gateway.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of the usage-event path: published (acknowledged by Kafka), spooled and replayed events, the spool's
 * events and bytes against its capacity (`aigw_usage_spool_bytes` / `aigw_usage_spool_capacity_bytes`: the chart's
 * alert fires as it fills), and the backlog (queued + in flight + spooled).
 */
record SpoolMetrics(Counter published, Counter spooled, Counter replayed, AtomicLong inFlight, AtomicLong spoolEvents,
        AtomicLong spoolBytes) {

    static SpoolMetrics register(MeterRegistry registry, Queue<?> queue, long capacity) {
        SpoolMetrics m = new SpoolMetrics(
                Counter.builder("aigw.usage.events.published").description("Usage events acknowledged by Kafka").register(registry),
                Counter.builder("aigw.usage.events.spooled").description("Usage events written to the local spool").register(registry),
                Counter.builder("aigw.usage.events.replayed").description("Spooled usage events Kafka took later").register(registry),
                new AtomicLong(), new AtomicLong(), new AtomicLong());
        Gauge.builder("aigw.usage.events.backlog", m, x -> queue.size() + x.inFlight.get() + x.spoolEvents.get())
                .description("Usage events not yet acknowledged by Kafka (queued, in flight, spooled)").register(registry);
        Gauge.builder("aigw.usage.spool.events", m.spoolEvents, AtomicLong::get)
                .description("Usage events waiting in the local spool").register(registry);
        Gauge.builder("aigw.usage.spool.bytes", m.spoolBytes, AtomicLong::get)
                .description("Bytes of the local usage-event spool").register(registry);
        Gauge.builder("aigw.usage.spool.capacity.bytes", () -> capacity)
                .description("The most the local usage-event spool may hold").register(registry);
        return m;
    }
}
