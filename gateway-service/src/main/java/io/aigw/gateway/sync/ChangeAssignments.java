package io.aigw.gateway.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Tracks the partitions of the `changes` consumer. On assignment the start position is resolved at once
 * (`auto.offset.reset=latest`), so every event published after {@link #following()} turns true is seen.
 * Runs on the Kafka polling thread, not on an event loop.
 */
@ApplicationScoped
@Default
@Identifier(ChangeAssignments.NAME)
public class ChangeAssignments implements KafkaConsumerRebalanceListener {

    static final String NAME = "aigw-changes";
    private static final Set<String> TOPICS = Set.of(ChangeConsumer.ACCESS_KEYS, ChangeConsumer.PROVIDER_KEYS,
            ChangeConsumer.CONFIG, ChangeConsumer.CATALOG);

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

    public ChangeAssignments(MeterRegistry registry) {
        Gauge.builder("aigw.sync.partitions.assigned", assigned, Set::size)
                .description("Partitions of the *-changes topics this replica follows").register(registry);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(consumer::position);
        assigned.addAll(partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    /** True once a partition of each of the four topics is assigned and positioned. */
    public boolean following() {
        return assigned.stream().map(TopicPartition::topic).distinct().filter(TOPICS::contains).count() == TOPICS.size();
    }
}
