package io.aigw.gateway.error;

import java.util.Map;

/**
 * A failure that reaches the client as an error envelope. Carries no stack trace: it is control flow
 * on the request path, and its message is user-facing (never a secret, a class name or a trace).
 */
public final class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final String param;
    private final Map<String, String> headers;

    public GatewayException(ErrorCode code, String message) {
        this(code, code.status(), message, null, Map.of());
    }

    public GatewayException(ErrorCode code, String message, String param) {
        this(code, code.status(), message, param, Map.of());
    }

    public GatewayException(ErrorCode code, int status, String message, String param, Map<String, String> headers) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.param = param;
        this.headers = headers;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The request field at fault (`model`, `models`), or null. */
    public String param() {
        return param;
    }

    /** Extra response headers (e.g. `Retry-After`, forwarded provider rate-limit headers). */
    public Map<String, String> headers() {
        return headers;
    }
}
