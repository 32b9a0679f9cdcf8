package io.aigw.config.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Custom-method paths such as {@code /admin/v1/configurations:validate} also match when a client
 * percent-encodes the colon ({@code %3A}), as some HTTP clients do.
 */
public class EncodedColonFilter {

    @ServerRequestFilter(preMatching = true, priority = 100)
    public void decodeColon(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (raw != null && (raw.contains("%3A") || raw.contains("%3a"))) {
            String path = raw.replace("%3A", ":").replace("%3a", ":");
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(URI.create(path + query));
        }
    }
}
