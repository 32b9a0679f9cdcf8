package io.aigw.catalog.provider;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET /internal/v1/providers/{id}} (service token): one provider, for services whose projection has not seen
 * it yet (read-your-writes across services).
 */
@Path("/internal/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
public class ProviderInternalResource {

    private final ProviderService service;

    public ProviderInternalResource(ProviderService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    public Uni<ProviderResponse> get(@RestPath String id) {
        return service.get(id);
    }
}
