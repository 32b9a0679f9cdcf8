package io.aigw.config.configuration;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET /internal/v1/configurations/{id}} (service token): one configuration, for services whose projection
 * has not seen it yet (read-your-writes across services).
 */
@Path("/internal/v1/configurations")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationInternalResource {

    private final ConfigurationService service;

    public ConfigurationInternalResource(ConfigurationService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    public Uni<ConfigurationResponse> get(@RestPath String id) {
        return service.get(id);
    }
}
