package io.aigw.catalog.auth;

import io.aigw.catalog.config.CatalogConfig;
import io.aigw.catalog.error.Problem;
import io.aigw.catalog.error.ProblemMapper;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bearer-token check before routing: the admin token on {@code /admin/v1/*}, the service token on
 * {@code /internal/v1/*}. Tokens are compared in constant time; the 401 never says whether a resource exists.
 */
@Singleton
public class TokenFilter {

    /** Resolved lazily: RESTEasy creates filters at static init, before runtime config exists. */
    private final Instance<CatalogConfig> config;
    private volatile byte[] adminToken;
    private volatile byte[] serviceToken;

    public TokenFilter(Instance<CatalogConfig> config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (adminToken == null) {
            adminToken = bytes(config.get().adminToken());
            serviceToken = bytes(config.get().serviceToken());
        }
        byte[] expected;
        if (path.startsWith("/admin/")) {
            expected = adminToken;
        } else if (path.startsWith("/internal/")) {
            expected = serviceToken;
        } else {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && expected.length > 0) {
            byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(expected, presented)) {
                return Optional.empty();
            }
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + "unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", path, null);
        return Optional.of(Response.status(401).type(ProblemMapper.PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build());
    }

    private static byte[] bytes(Optional<String> token) {
        return token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
    }
}
