package io.aigw.gateway.sync;

import io.aigw.gateway.snapshot.SnapshotHolder;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a routing snapshot is in force and the replica has caught up with the change topics. */
@Readiness
@Singleton
public class SnapshotReadinessCheck implements HealthCheck {

    private final SnapshotHolder holder;
    private final CatchUp catchUp;

    public SnapshotReadinessCheck(SnapshotHolder holder, CatchUp catchUp) {
        this.holder = holder;
        this.catchUp = catchUp;
    }

    @Override
    public HealthCheckResponse call() {
        var snapshot = holder.current();
        boolean caughtUp = catchUp.reached();
        return HealthCheckResponse.named("routing-snapshot").status(snapshot != null && caughtUp)
                .withData("version", snapshot == null ? "none" : snapshot.version())
                .withData("source", snapshot == null ? "none" : holder.source())
                .withData("caughtUp", caughtUp).build();
    }
}
