package io.aigw.gateway.snapshot;

import io.aigw.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Saves snapshots built from the internal APIs to Redis ({@link SavedSnapshotStore}) one at a time, in the
 * order they were applied: a save asked for while one is in flight waits, and only the latest waiting one is
 * written. Saves a new version, or the same version when it now reflects more partitions (the first load
 * precedes the consumer's assignment).
 */
@Singleton
public class SnapshotSaver {

    private final SavedSnapshotStore store;
    private final boolean enabled;
    private String lastVersion;
    private int lastPartitions;
    private Save inFlight;
    private Save waiting;

    public SnapshotSaver(SavedSnapshotStore store, GatewayConfig config) {
        this.store = store;
        this.enabled = config.redisSnapshot();
    }

    /** The snapshot this replica started from Redis with: already saved. */
    synchronized void startedFrom(String version, int partitions) {
        lastVersion = version;
        lastPartitions = partitions;
    }

    synchronized void save(RawDocuments documents, String version, Map<String, Long> offsets) {
        if (!enabled) {
            return;
        }
        Save save = new Save(documents, version, offsets);
        if (inFlight != null) {
            waiting = save;
            return;
        }
        write(save);
    }

    private void write(Save save) {
        if (save.version().equals(lastVersion) && save.offsets().size() <= lastPartitions) {
            return;
        }
        inFlight = save;
        store.save(save.documents(), save.version(), save.offsets()).subscribe().with(done -> written(save, true),
                e -> {
                    Log.warnf("Snapshot %s not saved to Redis: %s", save.version(), e.getMessage());
                    written(save, false);
                });
    }

    private synchronized void written(Save save, boolean succeeded) {
        if (succeeded) {
            lastVersion = save.version();
            lastPartitions = save.offsets().size();
        }
        inFlight = null;
        Save next = waiting;
        waiting = null;
        if (next != null) {
            write(next);
        }
    }

    private record Save(RawDocuments documents, String version, Map<String, Long> offsets) {
    }
}
