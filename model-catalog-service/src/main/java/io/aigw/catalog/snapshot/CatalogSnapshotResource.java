package io.aigw.catalog.snapshot;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /internal/v1/catalog-snapshot} (service token): the gateway's cold-start view of the catalog,
 * {@code {"version", "generatedAt", "providers": [...], "models": [...]}} ({@link CatalogSnapshot}).
 */
@Path("/internal/v1/catalog-snapshot")
public class CatalogSnapshotResource {

    private final CatalogSnapshotService service;

    public CatalogSnapshotResource(CatalogSnapshotService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> snapshot() {
        return service.snapshot();
    }
}
