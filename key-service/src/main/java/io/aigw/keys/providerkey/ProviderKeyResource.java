package io.aigw.keys.providerkey;

import io.aigw.keys.common.PageRequest;
import io.aigw.keys.common.PageResponse;
import io.aigw.keys.common.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin API for the provider-key vault. The value goes in (create, rotate) and never comes out. */
@Path("/admin/v1/provider-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProviderKeyResource {

    private final ProviderKeyService service;

    public ProviderKeyResource(ProviderKeyService service) {
        this.service = service;
    }

    @POST
    public Uni<RestResponse<ProviderKeyResponse>> create(ProviderKeyCreateRequest body, UriInfo uri) {
        return service.create(body).map(created -> RestResponse.ResponseBuilder
                .<ProviderKeyResponse>created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created).build());
    }

    @GET
    public Uni<PageResponse<ProviderKeyResponse>> list(@RestQuery String limit, @RestQuery String cursor,
            @RestQuery String providerId) {
        return service.list(PageRequest.of(QueryParams.limit(limit), cursor), providerId);
    }

    @GET
    @Path("{id}")
    public Uni<ProviderKeyResponse> get(@RestPath String id) {
        return service.get(id);
    }

    @PATCH
    @Path("{id}")
    public Uni<ProviderKeyResponse> patch(@RestPath String id, ProviderKeyPatchRequest body) {
        return service.patch(id, body);
    }

    @POST
    @Path("{id}/rotate")
    public Uni<ProviderKeyResponse> rotate(@RestPath String id, ProviderKeyRotateRequest body) {
        return service.rotate(id, body);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return service.delete(id).map(ignored -> RestResponse.noContent());
    }
}
