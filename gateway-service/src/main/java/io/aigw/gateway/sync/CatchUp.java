package io.aigw.gateway.sync;

import io.aigw.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import jakarta.inject.Singleton;

/**
 * Whether this replica has caught up since start: it follows the four change topics, has read each partition
 * up to the end it had at assignment, and no reload asked for by those events is still pending. Once reached,
 * it stays reached (later lag is a metric, not a reason to leave rotation). After `catch-up-timeout` the
 * replica counts as caught up anyway, with a warning: Kafka or the admin services being down at start must
 * not keep every new replica out of rotation while it has a snapshot to serve.
 */
@Singleton
public class CatchUp {

    private final ChangeAssignments assignments;
    private final ConsumedOffsets offsets;
    private final SnapshotReloadScheduler reloads;
    private final long deadline;
    private volatile boolean reached;

    public CatchUp(ChangeAssignments assignments, ConsumedOffsets offsets, SnapshotReloadScheduler reloads,
            GatewayConfig config) {
        this.assignments = assignments;
        this.offsets = offsets;
        this.reloads = reloads;
        this.deadline = System.currentTimeMillis() + config.catchUpTimeout().toMillis();
    }

    public boolean reached() {
        if (reached) {
            return true;
        }
        if (assignments.following() && offsets.reachedCatchUpTargets() && !reloads.pending()) {
            reached = true;
        } else if (System.currentTimeMillis() > deadline) {
            Log.warn("Not caught up with the change topics within catch-up-timeout; ready on the snapshot in force");
            reached = true;
        }
        return reached;
    }
}
