package io.aigw.catalog.model;

import io.aigw.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /internal/v1/models?address=provider:model} (service token): one model as the admin API shows it, 404 if
 * none, for config-service when its projection has not seen the model yet. With {@code &lock=share} (a configuration
 * write about to name the model) it answers 409 while a delete of the model is running. The address is a query
 * parameter because a model id may hold slashes.
 */
@Path("/internal/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelInternalResource {

    private final ModelService service;

    public ModelInternalResource(ModelService service) {
        this.service = service;
    }

    @GET
    public Uni<ModelResponse> get(@RestQuery String address, @RestQuery String lock) {
        int colon = address == null ? -1 : address.indexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw ProblemException.parameter("address", "Is required, as provider:model.");
        }
        String providerId = address.substring(0, colon);
        String modelId = address.substring(colon + 1);
        return "share".equals(lock) ? service.getForReference(providerId, modelId) : service.get(providerId, modelId);
    }
}
