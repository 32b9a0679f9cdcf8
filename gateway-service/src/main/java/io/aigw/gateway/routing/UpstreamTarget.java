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

    /**
     * Gemini's per-model address, from this target of the `google/generate-content` surface (`{base}/models`):
     * `{base}/models/{model}:generateContent`, or `:streamGenerateContent?alt=sse`; the base URL's query kept.
     */
    public String geminiUri(String model, boolean stream) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? "" : uri.substring(q + 1);
        String params = stream ? (query.isEmpty() ? "alt=sse" : "alt=sse&" + query) : query;
        return path + "/" + segment(model) + (stream ? ":streamGenerateContent" : ":generateContent")
                + (params.isEmpty() ? "" : "?" + params);
    }

    /** A model id as one path segment: unreserved characters and `@=:,;+!$'()*&` as they are, the rest escaped. */
    private static String segment(String model) {
        StringBuilder out = new StringBuilder(model.length() + 8);
        for (byte b : model.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~@=:,;+!$'()*&".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
