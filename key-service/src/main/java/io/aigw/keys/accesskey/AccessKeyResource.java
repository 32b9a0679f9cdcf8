package io.aigw.keys.accesskey;

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
import java.util.Set;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin API for gateway access keys. */
@Path("/admin/v1/access-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessKeyResource {

    private static final Set<String> STATUSES = Set.of(AccessKey.ACTIVE, AccessKey.REVOKED, AccessKey.EXPIRED);

    private final AccessKeyService service;

    public AccessKeyResource(AccessKeyService service) {
        this.service = service;
    }

    @POST
    public Uni<RestResponse<AccessKeyCreatedResponse>> create(AccessKeyCreateRequest body, UriInfo uri) {
        return service.create(body).map(created -> RestResponse.ResponseBuilder
                .<AccessKeyCreatedResponse>created(uri.getAbsolutePathBuilder().path(created.accessKey().id()).build())
                .entity(created).build());
    }

    @GET
    public Uni<Page<AccessKeyResponse>> list(@RestQuery String limit, @RestQuery String cursor,
            @RestQuery String configurationId, @RestQuery String status) {
        QueryParams.oneOf("status", status, STATUSES);
        return service.list(PageRequest.of(limit, cursor), configurationId, status);
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<AccessKeyResponse>> get(@RestPath String id) {
        return service.get(id).map(AccessKeyResource::withETag);
    }

    @PATCH
    @Path("{id}")
    public Uni<RestResponse<AccessKeyResponse>> patch(@RestPath String id, @RestHeader("If-Match") String ifMatch,
            AccessKeyPatchRequest body) {
        return service.patch(id, body, ETags.expected(ifMatch)).map(AccessKeyResource::withETag);
    }

    @POST
    @Path("{id}/revoke")
    public Uni<RestResponse<AccessKeyResponse>> revoke(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.revoke(id, ETags.expected(ifMatch)).map(AccessKeyResource::withETag);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id, @RestHeader("If-Match") String ifMatch) {
        return service.delete(id, ETags.expected(ifMatch)).map(ignored -> RestResponse.noContent());
    }

    /** {@code ETag} = the key's version; PATCH, DELETE, revoke honour {@code If-Match} (stale: 412). */
    private static RestResponse<AccessKeyResponse> withETag(AccessKeyResponse key) {
        return RestResponse.ResponseBuilder.ok(key).header(HttpHeaders.ETAG, ETags.of(key.version())).build();
    }
}
