package io.aigw.gateway.routing;

import java.net.URI;

/** Where one surface of one provider lives, split once when the snapshot is built. */
public record UpstreamTarget(String host, int port, boolean ssl, String uri) {

    /** The base URL with the surface path appended before any query string (contracts.md). */
    public static UpstreamTarget of(String baseUrl, Surface surface) {
        URI base = URI.create(baseUrl);
        String scheme = base.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("base URL has no host: " + baseUrl);
        }
        boolean ssl = "https".equals(scheme);
        int port = base.getPort() != -1 ? base.getPort() : ssl ? 443 : 80;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
        return new UpstreamTarget(base.getHost(), port, ssl, path + surface.path() + query);
    }
}
