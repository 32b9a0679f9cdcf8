package io.aigw.gateway.routing;

/** How a provider expects its key (catalog field `authScheme`). */
public enum AuthScheme {
    BEARER("authorization", "Bearer "),
    X_API_KEY("x-api-key", ""),
    API_KEY("api-key", ""),
    X_GOOG_API_KEY("x-goog-api-key", ""),
    NONE(null, "");

    private final String header;
    private final String prefix;

    AuthScheme(String header, String prefix) {
        this.header = header;
        this.prefix = prefix;
    }

    /** The request header that carries the key, or null for `none`. */
    public String header() {
        return header;
    }

    public String headerValue(String key) {
        return prefix.isEmpty() ? key : prefix + key;
    }

    public static AuthScheme parse(String value) {
        if (value == null) {
            return BEARER;
        }
        return switch (value) {
            case "bearer" -> BEARER;
            case "x-api-key" -> X_API_KEY;
            case "api-key" -> API_KEY;
            case "x-goog-api-key" -> X_GOOG_API_KEY;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("unknown auth scheme " + value);
        };
    }
}
