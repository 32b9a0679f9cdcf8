package io.aigw.config.projection;

import io.aigw.kit.projection.ChangeEvent;
import io.aigw.kit.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code catalog-changes} (kinds provider, model and virtual-model) into the projections, for the kit's projection consumer. */
@ApplicationScoped
public class CatalogProjection implements ProjectionHandler {

    private final ProjectionService projections;

    public CatalogProjection(ProjectionService projections) {
        this.projections = projections;
    }

    @Override
    public String topic() {
        return "catalog-changes";
    }

    @Override
    public Uni<Boolean> apply(ChangeEvent event) {
        return projections.applyCatalog(event);
    }
}
