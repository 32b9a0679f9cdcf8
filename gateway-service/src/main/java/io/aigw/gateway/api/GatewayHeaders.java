package io.aigw.gateway.api;

/** The X-AIGW-* response headers (SPEC §1.5). */
public final class GatewayHeaders {

    public static final String REQUEST_ID = "X-AIGW-Request-Id";
    public static final String ATTEMPTS = "X-AIGW-Attempts";
    public static final String MODEL = "X-AIGW-Model";
    public static final String PROVIDER = "X-AIGW-Provider";
    /** Request fields dropped by a translation between surfaces (package `translate`). */
    public static final String DROPPED_FIELDS = "X-AIGW-Dropped-Fields";
    /**
     * Candidates skipped, with the reason: virtual-model targets outside the access scope or the surface, and models
     * whose surface the request could not be translated to.
     */
    public static final String SKIPPED = "X-AIGW-Skipped";
    /** `aigw/auto`: the request's complexity score, the price band it picked and how many models fit. */
    public static final String AUTO = "X-AIGW-Auto";

    private GatewayHeaders() {
    }
}
