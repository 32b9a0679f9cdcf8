package io.aigw.kit.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code projections} in {@code /q/health/ready}: DOWN until the projections have read each followed topic up to the
 * end offsets seen at start ({@link ProjectionCatchUp}), and while an event cannot be applied (the database is
 * failing; the consumer retries it forever).
 */
@Readiness
@ApplicationScoped
public class ProjectionHealth implements HealthCheck {

    private final ProjectionState state;
    private final ProjectionCatchUp catchUp;

    public ProjectionHealth(ProjectionState state, ProjectionCatchUp catchUp) {
        this.state = state;
        this.catchUp = catchUp;
    }

    @Override
    public HealthCheckResponse call() {
        String failure = state.failure();
        Map<String, Long> behind = catchUp.behind();
        boolean caughtUp = behind != null && behind.isEmpty();
        var response = HealthCheckResponse.named("projections").status(failure == null && caughtUp);
        if (behind == null) {
            response.withData("catchUp", "end offsets not known yet");
        } else if (!behind.isEmpty()) {
            response.withData("recordsBehind", behind.toString());
        }
        if (failure != null) {
            response.withData("failingSince", String.valueOf(state.failingSince())).withData("error", failure);
        }
        return response.build();
    }
}
