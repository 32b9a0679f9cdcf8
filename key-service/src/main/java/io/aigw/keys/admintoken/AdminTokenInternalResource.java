package io.aigw.keys.admintoken;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Internal API (service token): the other services verify issued admin tokens here and cache briefly. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminTokenInternalResource {

    private final AdminTokenService service;

    public AdminTokenInternalResource(AdminTokenService service) {
        this.service = service;
    }

    @POST
    @Path("admin-tokens:verify")
    public Uni<AdminTokenVerifyResponse> verify(AdminTokenVerifyRequest body) {
        return service.verify(body == null ? null : body.token());
    }
}
