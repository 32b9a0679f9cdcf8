package io.aigw.config.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code access-key-changes} (kind access-key) into the projections, for the kit's projection consumer. */
@ApplicationScoped
public class AccessKeyProjection implements ProjectionHandler {

    private final ProjectionService projections;

    public AccessKeyProjection(ProjectionService projections) {
        this.projections = projections;
    }

    @Override
    public String topic() {
        return "access-key-changes";
    }

    @Override
    public Uni<Boolean> apply(ChangeEvent event) {
        return projections.applyAccessKey(event);
    }
}
