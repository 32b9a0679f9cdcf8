package io.aigw.keys.admintoken;

import io.aigw.keys.common.PageRequest;
import io.aigw.keys.common.PageResponse;
import io.aigw.keys.common.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin API for issued admin tokens. */
@Path("/admin/v1/admin-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminTokenResource {

    private final AdminTokenService service;

    public AdminTokenResource(AdminTokenService service) {
        this.service = service;
    }

    @POST
    public Uni<RestResponse<AdminTokenCreatedResponse>> create(AdminTokenCreateRequest body, UriInfo uri) {
        return service.create(body).map(created -> RestResponse.ResponseBuilder
                .<AdminTokenCreatedResponse>created(uri.getAbsolutePathBuilder().path(created.adminToken().id()).build())
                .entity(created).build());
    }

    @GET
    public Uni<PageResponse<AdminTokenResponse>> list(@RestQuery String limit, @RestQuery String cursor) {
        return service.list(PageRequest.of(QueryParams.limit(limit), cursor));
    }

    @GET
    @Path("{id}")
    public Uni<AdminTokenResponse> get(@RestPath String id) {
        return service.get(id);
    }

    @POST
    @Path("{id}/revoke")
    public Uni<AdminTokenResponse> revoke(@RestPath String id) {
        return service.revoke(id);
    }
}
