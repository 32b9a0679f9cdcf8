package io.aigw.gateway.sync;

import io.aigw.gateway.snapshot.OffsetSource;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Where this replica stands in the change topics: the next offset to read per partition (from the position at
 * assignment, then from every record handled), and the end offsets seen at assignment, which a starting
 * replica must read up to before it is caught up.
 */
@Singleton
public class ConsumedOffsets implements OffsetSource {

    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> catchUpTargets = new ConcurrentHashMap<>();

    /** A record was handled (applied or dropped). */
    void consumed(String topic, int partition, long offset) {
        next.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    /** A partition was assigned at {@code position}; its end was {@code end} then. */
    void positioned(TopicPartition partition, long position, long end) {
        next.put(partition, position);
        catchUpTargets.put(partition, end);
    }

    void released(Collection<TopicPartition> partitions) {
        partitions.forEach(catchUpTargets::remove);
    }

    /** True when every assigned partition has been read up to the end it had at assignment. */
    boolean reachedCatchUpTargets() {
        return catchUpTargets.entrySet().stream().allMatch(e -> next.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    @Override
    public Map<String, Long> positions() {
        Map<String, Long> positions = new TreeMap<>();
        next.forEach((partition, offset) -> positions.put(key(partition), offset));
        return positions;
    }

    static String key(TopicPartition partition) {
        return partition.topic() + ":" + partition.partition();
    }
}
