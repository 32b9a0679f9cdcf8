package io.aigw.e2e.simulator.openai;

import io.aigw.e2e.simulator.exchange.ErrorReply;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.ProviderDialect;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * OpenAI's bearer authentication and error envelope {@code {"error":{"message","type","param","code"}}}. Like the
 * real API, a wrong key is echoed partly masked in the message.
 */
public final class OpenAiDialect implements ProviderDialect {

    private static final String KEYS_PAGE = "https://platform.openai.com/account/api-keys";

    @Override
    public String apiKey(HttpServerRequest request) {
        String authorization = request.getHeader("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    @Override
    public ErrorReply missingKey() {
        return envelope(401, "You didn't provide an API key. You need to provide your API key in an Authorization"
                + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from "
                + KEYS_PAGE + ".", "invalid_request_error", null, null);
    }

    @Override
    public ErrorReply wrongKey(String key) {
        return envelope(401, "Incorrect API key provided: " + mask(key) + ". You can find your API key at "
                + KEYS_PAGE + ".", "invalid_request_error", null, "invalid_api_key");
    }

    @Override
    public ErrorReply unreadableBody() {
        return envelope(400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't"
                + " using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was"
                + " not valid JSON.)", "invalid_request_error", null, null);
    }

    @Override
    public ErrorReply badRequest(String message) {
        return envelope(400, message, "invalid_request_error", null, null);
    }

    @Override
    public ErrorReply missingParameter(String name) {
        return envelope(400, "Missing required parameter: '" + name + "'.", "invalid_request_error", name,
                "missing_required_parameter");
    }

    @Override
    public ErrorReply forStatus(int status, String model, String key) {
        return switch (status) {
            case 401 -> key == null ? missingKey() : wrongKey(key);
            case 403 -> envelope(403, "Project `proj_simulator` does not have access to model `" + model + "`",
                    "invalid_request_error", null, "model_not_found");
            case 404 -> envelope(404, "The model `" + model + "` does not exist or you do not have access to it.",
                    "invalid_request_error", null, "model_not_found");
            case 429 -> envelope(429, "Rate limit reached for " + model + " in organization org-simulator on"
                    + " requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.",
                    "requests", null, "rate_limit_exceeded");
            case 500 -> envelope(500, "The server had an error while processing your request. Sorry about that!",
                    "server_error", null, null);
            case 503 -> envelope(503, "The engine is currently overloaded, please try again later.",
                    "server_error", null, null);
            default -> status >= 500
                    ? envelope(status, "Upstream failure (status " + status + ").", "server_error", null, null)
                    : envelope(status, "Request failed with status " + status + ".", "invalid_request_error",
                            null, null);
        };
    }

    @Override
    public ErrorReply unknownRoute(String method, String path) {
        return envelope(404, "Invalid URL (" + method + " " + path + ")", "invalid_request_error", null, null);
    }

    @Override
    public void addResponseHeaders(MultiMap headers, long sequence) {
        headers.set("x-request-id", "req_sim" + sequence);
    }

    @Override
    public void addRateLimitHeaders(MultiMap headers, boolean exhausted) {
        headers.set("x-ratelimit-limit-requests", "10000")
                .set("x-ratelimit-remaining-requests", exhausted ? "0" : "9999")
                .set("x-ratelimit-reset-requests", exhausted ? "20s" : "6ms")
                .set("x-ratelimit-limit-tokens", "200000")
                .set("x-ratelimit-remaining-tokens", exhausted ? "0" : "199000")
                .set("x-ratelimit-reset-tokens", exhausted ? "20s" : "300ms");
    }

    /** {@code sk-abcdefgh…xyz} → {@code sk-ab***yz}: enough to recognise, as the real API does. */
    static String mask(String key) {
        return key.length() >= 8 ? key.substring(0, 5) + "***" + key.substring(key.length() - 2) : "***";
    }

    static ErrorReply envelope(int status, String message, String type, String param, String code) {
        return new ErrorReply(status, "{\"error\":{\"message\":" + Json.quote(message) + ",\"type\":"
                + Json.quote(type) + ",\"param\":" + Json.quote(param) + ",\"code\":" + Json.quote(code) + "}}");
    }
}
