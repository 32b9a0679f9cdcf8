package io.aigw.catalog.model;

import io.aigw.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/models?address=provider:model[&lock=share]} (service token): one model, for a configuration
 * write that names it; always read {@code for share nowait}: 409 while a delete of the model holds its row, 404 if
 * there is none.
 */
@Path("/internal/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelInternalResource {

    private final ModelService service;

    public ModelInternalResource(ModelService service) {
        this.service = service;
    }

    @GET
    public Uni<ModelResponse> get(@RestQuery String address) {
        if (address == null || address.indexOf(':') <= 0) {
            throw ProblemException.parameter("address", "Is required, as provider:model.");
        }
        return service.getForReference(address);
    }
}
