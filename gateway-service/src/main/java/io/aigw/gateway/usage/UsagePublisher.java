package io.aigw.gateway.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes usage events to Kafka `usage-events` without delaying any response: the event loop only puts the
 * event in a bounded queue; one thread of its own serialises what has queued up and hands it to the Kafka
 * producer (which batches and retries by itself), so a Kafka that is slow or down blocks no request. An event
 * that cannot be queued or that Kafka finally refuses is counted in `aigw_usage_events_dropped_total` and
 * logged, never silently lost.
 */
@Singleton
public class UsagePublisher {

    static final int QUEUE_SIZE = 16384;

    private final UsageEventsProducer producer;
    private final ObjectMapper mapper;
    private final BlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "aigw-usage-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter dropped;
    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();

    public UsagePublisher(UsageEventsProducer producer, ObjectMapper mapper, MeterRegistry registry) {
        this.producer = producer;
        this.mapper = mapper;
        this.dropped = Counter.builder("aigw.usage.events.dropped").description("Usage events lost").register(registry);
        this.published = Counter.builder("aigw.usage.events.published").description("Usage events acknowledged by Kafka")
                .register(registry);
        registry.gauge("aigw.usage.events.backlog", backlog);
    }

    public void publish(UsageEvent event) {
        backlog.incrementAndGet();
        if (!queue.offer(event)) {
            drop(event, "the queue of " + QUEUE_SIZE + " events is full");
            return;
        }
        if (draining.compareAndSet(false, true)) {
            try {
                sender.execute(this::drain);
            } catch (RejectedExecutionException e) { // shutting down
                draining.set(false);
                if (queue.remove(event)) {
                    drop(event, "the gateway is shutting down");
                }
            }
        }
    }

    /** Sends everything queued; stops when the queue is empty and no publisher raced to restart it. */
    private void drain() {
        do {
            UsageEvent event;
            while ((event = queue.poll()) != null) {
                send(event);
            }
            draining.set(false);
        } while (!queue.isEmpty() && draining.compareAndSet(false, true));
    }

    private void send(UsageEvent event) {
        try {
            producer.send(event.accessKeyId(), mapper.writeValueAsBytes(event), (metadata, failure) -> {
                if (failure == null) {
                    backlog.decrementAndGet();
                    published.increment();
                } else {
                    drop(event, failure.getMessage());
                }
            });
        } catch (Exception e) {
            drop(event, e.getMessage());
        }
    }

    private void drop(UsageEvent event, String reason) {
        backlog.decrementAndGet();
        dropped.increment();
        Log.warnf("Usage event %s of request %s dropped: %s", event.eventId(), event.requestId(), reason);
    }

    /** Hands what is still queued to the producer, which flushes it when it closes. */
    @PreDestroy
    void close() throws InterruptedException {
        sender.shutdown();
        if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
            Log.warnf("%d usage events not handed to Kafka at shutdown", queue.size());
        }
    }
}
