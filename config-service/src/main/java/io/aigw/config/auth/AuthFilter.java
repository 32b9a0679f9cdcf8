package io.aigw.config.auth;

import io.aigw.config.error.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admin token on {@code /admin/v1/*}, service token on {@code /internal/v1/*}. Runs before
 * routing, so an unauthenticated caller never learns whether a resource exists.
 */
public class AuthFilter {

    private final TokenGuard guard;

    public AuthFilter(TokenGuard guard) {
        this.guard = guard;
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/admin/")) {
            return guard.isAdmin(bearer(request)) ? null : unauthorized(path, "a valid admin token");
        }
        if (path.startsWith("/internal/")) {
            return guard.isService(bearer(request)) ? null : unauthorized(path, "a valid service token");
        }
        return null;
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
