package io.aigw.keys.admintoken;

import io.aigw.kit.paging.PageRequest;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.QueryParams;
import io.aigw.kit.auth.BearerToken;
import io.aigw.kit.auth.ServiceTokens;
import io.aigw.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin API for issued admin tokens. */
@Path("/admin/v1/admin-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminTokenResource {

    private final AdminTokenService service;
    private final ServiceTokens tokens;

    public AdminTokenResource(AdminTokenService service, ServiceTokens tokens) {
        this.service = service;
        this.tokens = tokens;
    }

    @POST
    public Uni<RestResponse<AdminTokenCreatedResponse>> create(AdminTokenCreateRequest body, UriInfo uri,
            @RestHeader("Authorization") String authorization) {
        String presented = BearerToken.from(authorization);
        Uni<AdminTokenService.Creator> creator = tokens.isAdmin(presented)
                ? Uni.createFrom().item(AdminTokenService.Creator.BOOTSTRAP)
                : service.verify(presented).map(v -> {
                    if (!v.valid()) {
                        throw ProblemException.unauthorized();
                    }
                    return new AdminTokenService.Creator(v.id(), v.expiresAt());
                });
        return creator.chain(by -> service.create(body, by)).map(created -> RestResponse.ResponseBuilder
                .<AdminTokenCreatedResponse>created(uri.getAbsolutePathBuilder().path(created.adminToken().id()).build())
                .entity(created).build());
    }

    @GET
    public Uni<Page<AdminTokenResponse>> list(@RestQuery String limit, @RestQuery String cursor) {
        return service.list(PageRequest.of(limit, cursor));
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
