package io.aigw.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.paging.ETags;
import io.aigw.catalog.common.Surfaces;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.QueryParams;
import io.aigw.kit.outbox.OutboxRelay;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /admin/v1/models}. One model is {@code /admin/v1/models/{providerId}/{modelId}}, where the model id
 * is the rest of the path, slashes and colons included ({@code /admin/v1/models/openrouter/google/gemma-3-27b-it:free}).
 * One model carries {@code ETag} = its version; PATCH and DELETE honour an optional {@code If-Match} (stale → 412).
 */
@Path("/admin/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
public class ModelResource {

    private final ModelService service;
    private final OutboxRelay relay;

    public ModelResource(ModelService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @GET
    public Uni<Page<ModelResponse>> list(@RestQuery String provider, @RestQuery String surface,
            @RestQuery String modality, @RestQuery String status, @RestQuery String q, @RestQuery String limit,
            @RestQuery String cursor) {
        QueryParams.oneOf("surface", surface, Surfaces.ALL);
        QueryParams.oneOf("status", status, ModelValidator.STATUSES);
        return service.list(new ModelFilter(provider, surface, modality, status, q), cursor, limit);
    }

    @GET
    @Path("{providerId}/{modelId: .+}")
    public Uni<RestResponse<ModelResponse>> get(@RestPath String providerId, @RestPath String modelId) {
        return service.get(providerId, modelId).map(ModelResource::withETag);
    }

    @POST
    public Uni<RestResponse<ModelResponse>> create(ModelRequest request) {
        return service.create(request).invoke(relay::wakeUp)
                .map(m -> RestResponse.ResponseBuilder.<ModelResponse>created(URI.create("/admin/v1/models/" + m.providerId() + "/" + m.modelId()))
                        .header(HttpHeaders.ETAG, ETags.of(m.version())).entity(m).build());
    }

    @PATCH
    @Path("{providerId}/{modelId: .+}")
    public Uni<RestResponse<ModelResponse>> patch(@RestPath String providerId, @RestPath String modelId,
            @RestHeader("If-Match") String ifMatch, JsonNode patch) {
        long[] expected = ETags.expected(ifMatch);
        return service.patch(providerId, modelId, patch, expected).invoke(relay::wakeUp).map(ModelResource::withETag);
    }

    @DELETE
    @Path("{providerId}/{modelId: .+}")
    public Uni<RestResponse<Void>> delete(@RestPath String providerId, @RestPath String modelId,
            @RestHeader("If-Match") String ifMatch) {
        long[] expected = ETags.expected(ifMatch);
        return service.delete(providerId, modelId, expected).invoke(relay::wakeUp).map(v -> RestResponse.noContent());
    }

    private static RestResponse<ModelResponse> withETag(ModelResponse model) {
        return RestResponse.ResponseBuilder.ok(model).header(HttpHeaders.ETAG, ETags.of(model.version())).build();
    }
}
