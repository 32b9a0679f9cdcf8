package io.aigw.kit.auth;

import io.aigw.kit.problem.Problem;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a {@link GatewayOnly} endpoint to any caller but the gateway: {@link TokenFilter} has let a service token
 * through (the caller is a service of the suite), but only the gateway token may go further, else 403 problem+json.
 */
public class GatewayOnlyFilter {

    private final ServiceTokens tokens;

    public GatewayOnlyFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response authorize(ContainerRequestContext request, ResourceInfo resource) {
        if (!gatewayOnly(resource)) {
            return null;
        }
        if (tokens.isGateway(BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION)))) {
            return null;
        }
        Problem problem = Problem.of(403, "forbidden", "Forbidden",
                "Only the gateway may call this endpoint: it needs the gateway token, not the service token.",
                request.getUriInfo().getPath());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean gatewayOnly(ResourceInfo resource) {
        return resource != null && resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(GatewayOnly.class)
                        || resource.getResourceClass().isAnnotationPresent(GatewayOnly.class));
    }
}
