package io.aigw.config.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code provider-key-changes} (kind provider-key) into the projections, for the kit's projection consumer. */
@ApplicationScoped
public class ProviderKeyProjection implements ProjectionHandler {

    private final ProjectionService projections;

    public ProviderKeyProjection(ProjectionService projections) {
        this.projections = projections;
    }

    @Override
    public String topic() {
        return "provider-key-changes";
    }

    @Override
    public Uni<Boolean> apply(ChangeEvent event) {
        return projections.applyProviderKey(event);
    }
}
