package io.aigw.console.health;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The console's health page in one call: each owning service's and each gateway replica's readiness (the gateway's
 * carries its routing snapshot version). Admin only: the token is checked by key-service before anything is asked.
 */
@Path("/console/v1/health")
public class SuiteHealthResource {

    private final SuiteHealth health;

    public SuiteHealthResource(SuiteHealth health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> get(@HeaderParam("Authorization") String authorization) {
        return health.adminAccepted(authorization).chain(accepted -> {
            if (!accepted) {
                JsonObject problem = new JsonObject().put("type", "https://aigw.dev/problems/unauthorized")
                        .put("title", "Unauthorized").put("status", 401)
                        .put("detail", "This endpoint needs a valid admin token in the Authorization header (Bearer).")
                        .put("instance", "/console/v1/health");
                return Uni.createFrom().item(Response.status(401).header("WWW-Authenticate", "Bearer")
                        .type("application/problem+json").entity(problem.encode()).build());
            }
            return health.readiness().map(report -> Response.ok(report.encode()).build());
        });
    }
}
