package io.aigw.config.snapshot;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /internal/v1/config-snapshot} (service token): for the gateway's cold start. */
@Path("/internal/v1/config-snapshot")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigSnapshotResource {

    private final ConfigSnapshotService service;

    public ConfigSnapshotResource(ConfigSnapshotService service) {
        this.service = service;
    }

    @GET
    public Uni<ConfigSnapshot> snapshot() {
        return service.snapshot();
    }
}
