package io.aigw.gateway.snapshot;

import io.aigw.gateway.routing.RoutingSnapshot;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The routing snapshot in force, swapped whole. A snapshot that fails to build is rejected and the
 * previous one keeps serving.
 */
@Singleton
public class SnapshotHolder {

    private final AtomicReference<RoutingSnapshot> current = new AtomicReference<>();
    private final AtomicReference<SnapshotSources> sources = new AtomicReference<>();
    private final List<Consumer<RoutingSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant appliedAt;
    private volatile String source;

    /** The snapshot in force, or null before the first one. */
    public RoutingSnapshot current() {
        return current.get();
    }

    /** The documents of the snapshot in force, for change events to amend; null before the first. */
    public SnapshotSources sources() {
        return sources.get();
    }

    /**
     * Builds a snapshot from {@code next} (read from {@code source}: `redis` or `internal-api`) and swaps it in;
     * false (old one kept) when it does not build.
     */
    public boolean apply(SnapshotSources next, String source) {
        RoutingSnapshot built;
        try {
            built = SnapshotBuilder.build(next);
        } catch (RuntimeException e) {
            Log.errorf("Rejected a routing snapshot that does not build (%s); keeping version %s", e.getMessage(),
                    current.get() == null ? "none" : current.get().version());
            return false;
        }
        RoutingSnapshot previous = current.getAndSet(built);
        sources.set(next);
        appliedAt = Instant.now();
        this.source = source;
        if (previous == null || !previous.version().equals(built.version())) {
            Log.infof("Routing snapshot %s in force (from %s)", built.version(), source);
        }
        listeners.forEach(l -> l.accept(built));
        return true;
    }

    /** When a snapshot was last built and swapped in (also by a reload that changed nothing); null before. */
    public Instant appliedAt() {
        return appliedAt;
    }

    /** Where the snapshot in force was read from: `redis`, `internal-api`, or null before the first. */
    public String source() {
        return source;
    }

    /** Called with every snapshot swapped in (e.g. to warm provider-key values). */
    public void onSwap(Consumer<RoutingSnapshot> listener) {
        listeners.add(listener);
    }
}
