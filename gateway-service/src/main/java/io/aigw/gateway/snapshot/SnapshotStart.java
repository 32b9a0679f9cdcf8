package io.aigw.gateway.snapshot;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How this replica started: from the snapshot saved in Redis (then the change topics are followed from the
 * offsets saved with it) or from the internal APIs (no offsets: the consumer's own position). Decided once,
 * at start.
 */
@Singleton
public class SnapshotStart {

    private final CompletableFuture<Optional<Map<String, Long>>> resumeOffsets = new CompletableFuture<>();

    void fromRedis(Map<String, Long> offsets) {
        resumeOffsets.complete(Optional.of(Map.copyOf(offsets)));
    }

    void fromInternalApis() {
        resumeOffsets.complete(Optional.empty());
    }

    /**
     * The offsets saved with the snapshot this replica started from, by `topic:partition`; empty when it did
     * not start from Redis. Waits for the decision at most {@code seconds} (then: empty). Blocks: call it from
     * the Kafka polling thread only.
     */
    public Optional<Map<String, Long>> awaitResumeOffsets(long seconds) {
        try {
            return resumeOffsets.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
