package io.aigw.gateway.sync;

import io.aigw.gateway.snapshot.SnapshotStart;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Positions the partitions of the `changes` consumer. A replica that started from the snapshot saved in Redis
 * resumes each partition at the offset saved with it (every earlier event is in that snapshot; a partition
 * without a usable saved offset asks for a reload); otherwise the consumer's own position holds (committed
 * offset, else `latest`) and one reload from the internal APIs closes the gap between the start-up load and
 * that position. The end offsets at assignment are the catch-up target
 * that readiness waits for. Runs on the Kafka polling thread, not on an event loop.
 */
@Singleton
@Default
@Identifier(ChangeAssignments.NAME)
public class ChangeAssignments implements KafkaConsumerRebalanceListener {

    static final String NAME = "aigw-changes";
    private static final long START_DECISION_WAIT_SECONDS = 10;
    private static final Set<String> TOPICS = Set.of(ChangeConsumer.ACCESS_KEYS, ChangeConsumer.PROVIDER_KEYS,
            ChangeConsumer.CONFIG, ChangeConsumer.CATALOG);

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final SnapshotStart start;
    private final ConsumedOffsets offsets;
    private final SnapshotReloadScheduler reloads;

    public ChangeAssignments(MeterRegistry registry, SnapshotStart start, ConsumedOffsets offsets,
            SnapshotReloadScheduler reloads) {
        this.start = start;
        this.offsets = offsets;
        this.reloads = reloads;
        Gauge.builder("aigw.sync.partitions.assigned", assigned, Set::size)
                .description("Partitions of the *-changes topics this replica follows").register(registry);
        for (String topic : TOPICS) {
            Gauge.builder("aigw.sync.consumer.lag", () -> ConsumerLagReporter.lag(topic)).tag("topic", topic)
                    .description("Change events on the topic not yet fetched by this replica (Kafka's records-lag)")
                    .register(registry);
        }
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Optional<Map<String, Long>> resume = start.awaitResumeOffsets(START_DECISION_WAIT_SECONDS);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        boolean reload = resume.isEmpty();
        for (TopicPartition partition : partitions) {
            Long saved = resume.map(offsets -> offsets.get(ConsumedOffsets.key(partition))).orElse(null);
            long end = ends.getOrDefault(partition, 0L);
            if (saved != null && saved <= end) {
                consumer.seek(partition, saved);
            } else if (resume.isPresent()) {
                Log.warnf("The saved snapshot has no usable offset for %s (saved %s, end %d); reloading", partition,
                        saved, end);
                reload = true;
            }
            offsets.positioned(partition, consumer.position(partition), end);
        }
        assigned.addAll(partitions);
        if (reload) {
            reloads.requestReload();
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
        offsets.released(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
        offsets.released(partitions);
    }

    /** True once a partition of each of the four topics is assigned and positioned. */
    public boolean following() {
        return assigned.stream().map(TopicPartition::topic).distinct().filter(TOPICS::contains).count() == TOPICS.size();
    }
}
