package io.aigw.gateway.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once a routing snapshot is in force. */
@Readiness
@ApplicationScoped
public class SnapshotReadinessCheck implements HealthCheck {

    private final SnapshotHolder holder;

    public SnapshotReadinessCheck(SnapshotHolder holder) {
        this.holder = holder;
    }

    @Override
    public HealthCheckResponse call() {
        var snapshot = holder.current();
        return HealthCheckResponse.named("routing-snapshot").status(snapshot != null)
                .withData("version", snapshot == null ? "none" : snapshot.version()).build();
    }
}
