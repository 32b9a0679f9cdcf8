package io.aigw.keys.providerkey;

import io.aigw.kit.paging.PageRequest;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.QueryParams;
import io.smallrye.mutiny.Uni;
import io.aigw.kit.paging.ETags;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
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
    public Uni<Page<ProviderKeyResponse>> list(@RestQuery String limit, @RestQuery String cursor,
            @RestQuery String providerId) {
        return service.list(PageRequest.of(limit, cursor), providerId);
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<ProviderKeyResponse>> get(@RestPath String id) {
        return service.get(id).map(ProviderKeyResource::withETag);
    }

    @PATCH
    @Path("{id}")
    public Uni<RestResponse<ProviderKeyResponse>> patch(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            ProviderKeyPatchRequest body) {
        return service.patch(id, body, ETags.expected(ifMatch)).map(ProviderKeyResource::withETag);
    }

    @POST
    @Path("{id}/rotate")
    public Uni<RestResponse<ProviderKeyResponse>> rotate(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            ProviderKeyRotateRequest body) {
        return service.rotate(id, body, ETags.expected(ifMatch)).map(ProviderKeyResource::withETag);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(id, ETags.expected(ifMatch)).map(ignored -> RestResponse.noContent());
    }

    /** {@code ETag} = the key's version; PATCH, DELETE and rotate honour {@code If-Match} (stale: 412). */
    private static RestResponse<ProviderKeyResponse> withETag(ProviderKeyResponse key) {
        return RestResponse.ResponseBuilder.ok(key).header(HttpHeaders.ETAG, ETags.of(key.version())).build();
    }
}
