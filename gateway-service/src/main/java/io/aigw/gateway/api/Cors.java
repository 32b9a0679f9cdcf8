package io.aigw.gateway.api;

import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.error.ErrorResponder;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;
import java.util.Set;

/** CORS for `/v1/*`: browser clients may call the gateway and read the X-AIGW-* and rate-limit headers. */
@Singleton
public class Cors {

    static final String EXPOSED = String.join(", ", GatewayHeaders.REQUEST_ID, GatewayHeaders.ATTEMPTS,
            GatewayHeaders.MODEL, GatewayHeaders.PROVIDER,
            GatewayHeaders.DROPPED_FIELDS, GatewayHeaders.SKIPPED, GatewayHeaders.AUTO, ErrorResponder.ERROR_CODE_HEADER, "Retry-After",
            "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
            "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens");
    private static final String DEFAULT_ALLOWED_HEADERS =
            "authorization, x-api-key, content-type, anthropic-version, anthropic-beta, openai-beta";

    private final boolean anyOrigin;
    private final Set<String> origins;

    public Cors(GatewayConfig config) {
        this.anyOrigin = config.corsOrigins().contains("*");
        this.origins = Set.copyOf(config.corsOrigins());
    }

    /** Adds the CORS response headers when the request comes from an allowed origin. */
    public void apply(HttpServerRequest request, HttpServerResponse response) {
        String origin = request.getHeader("origin");
        if (origin == null || !(anyOrigin || origins.contains(origin))) {
            return;
        }
        response.headers().set("access-control-allow-origin", anyOrigin ? "*" : origin)
                .set("access-control-expose-headers", EXPOSED);
        if (!anyOrigin) {
            response.headers().set("vary", "Origin");
        }
    }

    /** Answers a preflight request. */
    public void preflight(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        apply(request, response);
        String asked = request.getHeader("access-control-request-headers");
        response.setStatusCode(204).headers()
                .set("access-control-allow-methods", "GET, POST, OPTIONS")
                .set("access-control-allow-headers", asked != null ? asked : DEFAULT_ALLOWED_HEADERS)
                .set("access-control-max-age", "600");
        response.end();
    }
}
