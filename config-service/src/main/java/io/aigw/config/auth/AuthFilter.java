package io.aigw.config.auth;

import io.aigw.config.error.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admin token on {@code /admin/v1/*} (the bootstrap token, or an {@code aga-…} token that key-service
 * says is valid), service token on {@code /internal/v1/*}. Runs before routing, so an unauthenticated
 * caller never learns whether a resource exists.
 */
public class AuthFilter {

    private static final Uni<Response> PASS = Uni.createFrom().nullItem();
    private final TokenGuard guard;
    private final IssuedAdminTokens issued;

    public AuthFilter(TokenGuard guard, IssuedAdminTokens issued) {
        this.guard = guard;
        this.issued = issued;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/admin/")) {
            String token = bearer(request);
            if (guard.isAdmin(token)) {
                return PASS;
            }
            if (!IssuedAdminTokens.looksIssued(token)) {
                return Uni.createFrom().item(unauthorized(path, "a valid admin token"));
            }
            return onCallerContext(issued.isValid(token))
                    .map(valid -> valid ? null : unauthorized(path, "a valid admin token"));
        }
        if (path.startsWith("/internal/")) {
            return guard.isService(bearer(request)) ? PASS
                    : Uni.createFrom().item(unauthorized(path, "a valid service token"));
        }
        return PASS;
    }

    /** Resumes on the request's Vert.x context: a cached answer may complete on another event loop. */
    private static <T> Uni<T> onCallerContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return context == null ? uni : uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    private static Response unauthorized(String path, String what) {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized",
                "This endpoint needs " + what + " in the Authorization header (Bearer).", path);
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
