package io.aigw.config.configuration;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/configurations/{id}} (service token): one configuration, for services whose projection
 * has not seen it yet (read-your-writes across services). With {@code ?lock=share} (a write about to bind an access
 * key to it) it answers 409 while a delete of the configuration is running.
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
    public Uni<ConfigurationResponse> get(@RestPath String id, @RestQuery String lock) {
        return "share".equals(lock) ? service.getForReference(id) : service.get(id);
    }
}
