package io.aigw.catalog.provider;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/providers/{id}} (service token): one provider, for services whose projection has not seen
 * it yet (read-your-writes across services). With {@code ?lock=share} (a write about to reference the provider, a
 * provider key) it answers 409 while a delete of the provider is running.
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
    public Uni<ProviderResponse> get(@RestPath String id, @RestQuery String lock) {
        return "share".equals(lock) ? service.getForReference(id) : service.get(id);
    }
}
