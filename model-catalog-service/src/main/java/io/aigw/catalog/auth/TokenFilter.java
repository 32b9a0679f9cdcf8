package io.aigw.catalog.auth;

import io.aigw.catalog.config.CatalogConfig;
import io.aigw.catalog.error.Problem;
import io.aigw.catalog.error.ProblemMapper;
import io.smallrye.mutiny.Uni;
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
 * Bearer-token check before routing: on {@code /admin/v1/*} the bootstrap admin token or an admin token issued
 * by key-service ({@code aga-…}, verified by {@link AdminTokenVerifier}); on {@code /internal/v1/*} the service
 * token. Static tokens are compared in constant time; the 401 never says whether a resource exists.
 */
@Singleton
public class TokenFilter {

    /** Resolved lazily: RESTEasy creates filters at static init, before runtime config exists. */
    private final Instance<CatalogConfig> config;
    private final Instance<AdminTokenVerifier> issuedTokens;
    private volatile byte[] adminToken;
    private volatile byte[] serviceToken;

    public TokenFilter(Instance<CatalogConfig> config, Instance<AdminTokenVerifier> issuedTokens) {
        this.config = config;
        this.issuedTokens = issuedTokens;
    }

    /** Answers null to let the request through, or the 401 problem. */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (adminToken == null) {
            adminToken = bytes(config.get().adminToken());
            serviceToken = bytes(config.get().serviceToken());
        }
        boolean admin = path.startsWith("/admin/");
        byte[] expected;
        if (admin) {
            expected = adminToken;
        } else if (path.startsWith("/internal/")) {
            expected = serviceToken;
        } else {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().item(unauthorized(path));
        }
        String presented = header.substring(7).trim();
        if (expected.length > 0 && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().nullItem();
        }
        if (admin && AdminTokenVerifier.isIssuedShape(presented)) {
            return issuedTokens.get().isValid(presented).map(valid -> valid ? null : unauthorized(path));
        }
        return Uni.createFrom().item(unauthorized(path));
    }

    private static Response unauthorized(String path) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + "unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", path, null);
        return Response.status(401).type(ProblemMapper.PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build();
    }

    private static byte[] bytes(Optional<String> token) {
        return token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
    }
}
