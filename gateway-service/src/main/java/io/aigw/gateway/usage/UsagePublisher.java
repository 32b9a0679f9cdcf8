package io.aigw.gateway.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes usage events to Kafka `usage-events` without delaying any response: a bounded in-memory
 * buffer in front of the Kafka producer (which retries by itself). An event that cannot be buffered or
 * that Kafka finally refuses is counted in `aigw_usage_events_dropped_total` and logged, never silently lost.
 */
@ApplicationScoped
public class UsagePublisher {

    private final Emitter<UsageEvent> emitter;
    private final Counter dropped;
    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();

    public UsagePublisher(@Channel("usage-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            Emitter<UsageEvent> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.dropped = Counter.builder("aigw.usage.events.dropped").description("Usage events lost").register(registry);
        this.published = Counter.builder("aigw.usage.events.published").description("Usage events acknowledged by Kafka")
                .register(registry);
        registry.gauge("aigw.usage.events.backlog", backlog);
    }

    public void publish(UsageEvent event) {
        backlog.incrementAndGet();
        Message<UsageEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.accessKeyId()).build())
                .withAck(() -> {
                    backlog.decrementAndGet();
                    published.increment();
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    drop(event, failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            drop(event, e);
        }
    }

    private void drop(UsageEvent event, Throwable failure) {
        backlog.decrementAndGet();
        dropped.increment();
        Log.warnf("Usage event %s of request %s dropped: %s", event.eventId(), event.requestId(), failure.getMessage());
    }
}
