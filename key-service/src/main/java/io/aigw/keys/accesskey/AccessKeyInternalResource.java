package io.aigw.keys.accesskey;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/** Internal API (service token) the gateway uses to authenticate access keys. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AccessKeyInternalResource {

    private final AccessKeyService service;
    private final AccessKeySnapshotService snapshots;

    public AccessKeyInternalResource(AccessKeyService service, AccessKeySnapshotService snapshots) {
        this.service = service;
        this.snapshots = snapshots;
    }

    @GET
    @Path("access-keys/{publicId}")
    public Uni<AccessKeyRecord> resolve(@RestPath String publicId) {
        return service.resolve(publicId);
    }

    @GET
    @Path("access-key-snapshot")
    public Uni<AccessKeySnapshot> snapshot() {
        return snapshots.snapshot();
    }
}
