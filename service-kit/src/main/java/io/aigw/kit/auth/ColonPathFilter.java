package io.aigw.kit.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Custom-method paths such as {@code /admin/v1/configurations:validate} also match when a client percent-encodes
 * the colon ({@code %3A}), as some HTTP clients do: colons are legal in paths, so they are decoded before matching.
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
