package io.aigw.kit.auth;

import io.aigw.kit.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Admin token on {@code /admin} and below (the bootstrap token, or an issued {@code aga-…} token that
 * {@link IssuedTokenVerifier} accepts), service token (or the gateway token, where one is set) on {@code /internal}
 * and below; {@link GatewayOnlyFilter} then keeps {@link GatewayOnly} endpoints to the gateway token. One path rule for every
 * service: repeated slashes collapse, and the prefix is a whole segment. Runs before routing, so an unauthenticated
 * caller gets the same 401 whether or not a resource exists.
 */
public class TokenFilter {

    private static final Uni<Response> PASS = Uni.createFrom().nullItem();

    private final ServiceTokens tokens;
    private final Instance<IssuedTokenVerifier> issued;

    public TokenFilter(ServiceTokens tokens, Instance<IssuedTokenVerifier> issued) {
        this.tokens = tokens;
        this.issued = issued;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("/{2,}", "/");
        String token = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (under(path, "/internal")) {
            return tokens.isService(token) || tokens.isGateway(token) ? PASS
                    : Uni.createFrom().item(unauthorized(path, "a valid service token"));
        }
        if (under(path, "/admin")) {
            if (tokens.isAdmin(token)) {
                return PASS;
            }
            if (!IssuedTokenVerifier.looksIssued(token)) {
                return Uni.createFrom().item(unauthorized(path, "a valid admin token"));
            }
            return onCallerContext(issued.get().isValid(token))
                    .map(valid -> valid ? null : unauthorized(path, "a valid admin token"));
        }
        return PASS;
    }

    /** True for {@code prefix} itself and every path below it. */
    public static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Resumes on the request's Vert.x context: a cached answer may complete on another event loop. */
    private static <T> Uni<T> onCallerContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return context == null ? uni : uni.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    private static Response unauthorized(String path, String what) {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized",
                "This endpoint needs " + what + " in the Authorization header (Bearer).", path);
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").type(Problem.MEDIA_TYPE)
                .entity(problem).build();
    }
}
