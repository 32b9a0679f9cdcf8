package io.aigw.gateway.error;

/** The gateway's stable error codes (SPEC §1.6) with their default HTTP status. */
public enum ErrorCode {
    INVALID_REQUEST("invalid_request", 400),
    REQUEST_TOO_LARGE("request_too_large", 413),
    REQUEST_TIMEOUT("request_timeout", 408),
    URI_TOO_LONG("uri_too_long", 414),
    HEADERS_TOO_LARGE("headers_too_large", 431),
    OVERLOADED("overloaded", 503),
    FIREWALL_BLOCKED("firewall_blocked", 400),
    INVALID_MODEL_ADDRESS("invalid_model_address", 400),
    UNKNOWN_MODEL("unknown_model", 400),
    UNKNOWN_PROVIDER("unknown_provider", 400),
    UNSUPPORTED_SURFACE("unsupported_surface", 400),
    AUTHENTICATION_FAILED("authentication_failed", 401),
    PROVIDER_NOT_ALLOWED("provider_not_allowed", 403),
    MODEL_NOT_ALLOWED("model_not_allowed", 403),
    NOT_FOUND("not_found", 404),
    NO_PROVIDER_KEY("no_provider_key", 502),
    RATE_LIMITED("rate_limited", 429),
    BUDGET_EXCEEDED("budget_exceeded", 402),
    MODEL_NOT_PRICED("model_not_priced", 402),
    UPSTREAM_RATE_LIMITED("upstream_rate_limited", 429),
    UPSTREAM_AUTH_FAILED("upstream_auth_failed", 502),
    UPSTREAM_TIMEOUT("upstream_timeout", 504),
    UPSTREAM_REDIRECT("upstream_redirect", 502),
    UPSTREAM_RESPONSE_TOO_LARGE("upstream_response_too_large", 502),
    ALL_ATTEMPTS_FAILED("all_attempts_failed", 502),
    NOT_READY("gateway_not_ready", 503),
    AUTHENTICATION_UNAVAILABLE("authentication_unavailable", 503),
    INTERNAL("internal_error", 500);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
