package io.aigw.kit.projection;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At start, reads the end offsets of every followed topic (on a worker thread, retried until Kafka answers); the
 * {@code projections} readiness check stays DOWN until the consumer has read each partition up to them, so a fresh
 * replica never refuses a valid reference because its projections are still being read.
 */
@ApplicationScoped
public class ProjectionCatchUp {

    private final Instance<ProjectionHandler> handlers;
    private final ProjectionState state;
    private final String bootstrap;
    private final String group;
    private volatile Map<String, Long> targets;
    private volatile Map<String, Long> starts = Map.of();
    private volatile boolean stopped;

    public ProjectionCatchUp(Instance<ProjectionHandler> handlers, ProjectionState state,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092") String bootstrap,
            @ConfigProperty(name = "mp.messaging.incoming.projection-changes.group.id", defaultValue = "") String group) {
        this.handlers = handlers;
        this.state = state;
        this.bootstrap = bootstrap;
        this.group = group;
    }

    void start(@Observes StartupEvent event) {
        if (handlers.isUnsatisfied()) {
            targets = Map.of();
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(this::readTargets);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    private void readTargets() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        if (!group.isEmpty()) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group); // only to read its committed offsets; never joins
        }
        while (!stopped && targets == null) {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                Map<String, Long> ends = new HashMap<>();
                Map<String, Long> committed = new HashMap<>();
                for (ProjectionHandler handler : handlers) {
                    java.util.Set<TopicPartition> partitions = consumer.partitionsFor(handler.topic(),
                                    Duration.ofSeconds(5)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .collect(java.util.stream.Collectors.toSet());
                    consumer.endOffsets(partitions, Duration.ofSeconds(5))
                            .forEach((partition, end) -> ends.put(partition.topic() + "-" + partition.partition(), end));
                    if (!group.isEmpty()) {
                        // a restarted replica resumes at its group's committed offsets: what lies before is read
                        consumer.committed(partitions, Duration.ofSeconds(5)).forEach((partition, offset) -> {
                            if (offset != null) {
                                committed.put(partition.topic() + "-" + partition.partition(), offset.offset());
                            }
                        });
                    }
                }
                starts = Map.copyOf(committed);
                targets = Map.copyOf(ends);
                Log.infof("Projections must read up to %s before this service is ready", targets);
            } catch (RuntimeException e) {
                Log.warnf("Could not read the end offsets of the followed topics (retrying): %s", e.getMessage());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partitions not read up to their start-time end offset yet (empty = caught up); null before they are known. */
    public Map<String, Long> behind() {
        Map<String, Long> known = targets;
        if (known == null) {
            return null;
        }
        Map<String, Long> behind = new HashMap<>();
        known.forEach((partition, end) -> {
            long position = Math.max(state.position(partition), starts.getOrDefault(partition, -1L));
            if (end > 0 && position < end) {
                behind.put(partition, end - Math.max(position, 0));
            }
        });
        return behind;
    }
}
