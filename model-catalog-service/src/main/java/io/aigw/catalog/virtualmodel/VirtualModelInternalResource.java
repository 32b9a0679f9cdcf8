package io.aigw.catalog.virtualmodel;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/virtual-models/{name}} (service token): one virtual model (any case), for config-service when
 * a configuration names one its projection has not seen yet (read-your-writes across services). With
 * {@code ?lock=share} (a configuration write whose access scope names it) it answers 409 while its delete runs.
 */
@Path("/internal/v1/virtual-models")
@Produces(MediaType.APPLICATION_JSON)
public class VirtualModelInternalResource {

    private final VirtualModelService service;

    public VirtualModelInternalResource(VirtualModelService service) {
        this.service = service;
    }

    @GET
    @Path("{name}")
    public Uni<VirtualModelResponse> get(@RestPath String name, @RestQuery String lock) {
        return "share".equals(lock) ? service.getForReference(name) : service.get(name);
    }
}
