package io.aigw.catalog.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Routes match the raw path, so {@code models%3Aimport} (how some HTTP clients send {@code models:import})
 * would miss the {@code :import} method. Colons are legal in paths: decode them before matching.
 */
public class ColonPathFilter {

    @ServerRequestFilter(preMatching = true, priority = 10)
    public void decodeColons(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (raw != null && (raw.contains("%3A") || raw.contains("%3a"))) {
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(raw.replace("%3A", ":").replace("%3a", ":")).build());
        }
    }
}
