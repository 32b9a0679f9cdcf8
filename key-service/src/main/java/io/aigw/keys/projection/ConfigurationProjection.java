package io.aigw.keys.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code config-changes} (kind configuration) into the projections, for the kit's projection consumer. */
@ApplicationScoped
public class ConfigurationProjection implements ProjectionHandler {

    private final ProjectionService projections;

    public ConfigurationProjection(ProjectionService projections) {
        this.projections = projections;
    }

    @Override
    public String topic() {
        return "config-changes";
    }

    @Override
    public Uni<Boolean> apply(ChangeEvent event) {
        return projections.applyConfig(event);
    }
}
