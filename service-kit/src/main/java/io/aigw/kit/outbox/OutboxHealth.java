package io.aigw.kit.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code outbox} in {@code /q/health/well}: DOWN while dead letters wait (events that never reached Kafka). Not a
 * readiness check: the service still answers, and taking it out of rotation would not publish them.
 */
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final DeadLetters deadLetters;

    public OutboxHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthCheckResponse call() {
        long count = deadLetters.count();
        return HealthCheckResponse.named("outbox").status(count == 0).withData("deadLetters", count).build();
    }
}
