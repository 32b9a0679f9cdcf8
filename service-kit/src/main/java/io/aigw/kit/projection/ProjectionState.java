package io.aigw.kit.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How far the projection consumer got, and whether it is stuck on a failing database. */
@ApplicationScoped
public class ProjectionState {

    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private volatile String failure;
    private volatile Instant failingSince;

    void consumed(String topic, int partition, long offset) {
        positions.merge(topic + "-" + partition, offset + 1, Math::max);
        failure = null;
        failingSince = null;
    }

    void failing(Throwable error) {
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        failure = String.valueOf(error.getMessage());
    }

    /** The next offset to read of {@code topic-partition}, or -1 when nothing was read there yet. */
    public long position(String topicPartition) {
        return positions.getOrDefault(topicPartition, -1L);
    }

    /** Why the consumer cannot apply the current event, or null. */
    public String failure() {
        return failure;
    }

    public Instant failingSince() {
        return failingSince;
    }
}
