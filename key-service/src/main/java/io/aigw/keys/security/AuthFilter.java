package io.aigw.keys.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.keys.config.KeySecrets;
import io.aigw.keys.error.Problem;
import io.aigw.keys.error.ProblemMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards {@code /admin/*} with an admin token and {@code /internal/*} with the service token. It runs
 * before routing, so an unauthenticated caller gets the same 401 whether or not a resource exists.
 */
public class AuthFilter {

    private final KeySecrets secrets;
    private final AdminTokenVerifier adminTokens;
    private final ObjectMapper objectMapper;

    public AuthFilter(KeySecrets secrets, AdminTokenVerifier adminTokens, ObjectMapper objectMapper) {
        this.secrets = secrets;
        this.adminTokens = adminTokens;
        this.objectMapper = objectMapper;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("/{2,}", "/");
        Optional<String> token = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (path.startsWith("/internal")) {
            boolean ok = token.filter(t -> ConstantTime.equals(t, secrets.serviceToken())).isPresent();
            return Uni.createFrom().item(ok ? null : unauthorized(path));
        }
        if (path.startsWith("/admin")) {
            if (token.filter(t -> ConstantTime.equals(t, secrets.adminToken())).isPresent()) {
                return Uni.createFrom().nullItem();
            }
            if (token.isEmpty()) {
                return Uni.createFrom().item(unauthorized(path));
            }
            return adminTokens.isValid(token.get()).map(valid -> valid ? null : unauthorized(path));
        }
        return Uni.createFrom().nullItem();
    }

    private Response unauthorized(String path) {
        return ProblemMapper.problemResponse(objectMapper, new Problem(Problem.TYPE_PREFIX + "unauthorized",
                "Unauthorized", 401, "A valid bearer token is required.", path, null));
    }
}
