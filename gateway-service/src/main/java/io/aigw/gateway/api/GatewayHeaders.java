package io.aigw.gateway.api;

/** The X-AIGW-* response headers (SPEC §1.5). */
public final class GatewayHeaders {

    public static final String REQUEST_ID = "X-AIGW-Request-Id";
    public static final String ATTEMPTS = "X-AIGW-Attempts";
    public static final String MODEL = "X-AIGW-Model";
    public static final String PROVIDER = "X-AIGW-Provider";

    private GatewayHeaders() {
    }
}
