package io.aigw.keys.accesskey;

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
import java.util.Set;
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
    public Uni<PageResponse<AccessKeyResponse>> list(@RestQuery String limit, @RestQuery String cursor,
            @RestQuery String configurationId, @RestQuery String status) {
        QueryParams.oneOf("status", status, STATUSES);
        return service.list(PageRequest.of(QueryParams.limit(limit), cursor), configurationId, status);
    }

    @GET
    @Path("{id}")
    public Uni<AccessKeyResponse> get(@RestPath String id) {
        return service.get(id);
    }

    @PATCH
    @Path("{id}")
    public Uni<AccessKeyResponse> patch(@RestPath String id, AccessKeyPatchRequest body) {
        return service.patch(id, body);
    }

    @POST
    @Path("{id}/revoke")
    public Uni<AccessKeyResponse> revoke(@RestPath String id) {
        return service.revoke(id);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        return service.delete(id).map(ignored -> RestResponse.noContent());
    }
}
