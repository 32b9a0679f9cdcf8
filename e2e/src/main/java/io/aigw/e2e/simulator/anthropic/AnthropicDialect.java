package io.aigw.e2e.simulator.anthropic;

import io.aigw.e2e.simulator.exchange.ErrorReply;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.ProviderDialect;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.time.Instant;

/** Anthropic: {@code x-api-key} plus {@code anthropic-version}, errors {@code {"type":"error","error":{…}}}. */
public final class AnthropicDialect implements ProviderDialect {

    @Override
    public String apiKey(HttpServerRequest request) {
        return request.getHeader("x-api-key");
    }

    @Override
    public ErrorReply missingKey() {
        return error(401, "authentication_error", "x-api-key header is required");
    }

    @Override
    public ErrorReply wrongKey(String key) {
        return error(401, "authentication_error", "invalid x-api-key");
    }

    @Override
    public ErrorReply missingHeader(HttpServerRequest request) {
        return request.getHeader("anthropic-version") == null
                ? error(400, "invalid_request_error", "anthropic-version: header is required")
                : null;
    }

    @Override
    public ErrorReply unreadableBody() {
        return error(400, "invalid_request_error", "There was an issue with the format of your request: "
                + "the body is not a JSON object.");
    }

    @Override
    public ErrorReply badRequest(String message) {
        return error(400, "invalid_request_error", message);
    }

    @Override
    public ErrorReply missingParameter(String name) {
        return error(400, "invalid_request_error", name + ": Field required");
    }

    @Override
    public ErrorReply forStatus(int status, String model, String key) {
        return switch (status) {
            case 400 -> error(400, "invalid_request_error", "Invalid request.");
            case 401 -> key == null ? missingKey() : wrongKey(key);
            case 402 -> error(402, "billing_error", "Your credit balance is too low to access the Anthropic API.");
            case 403 -> error(403, "permission_error",
                    "Your API key does not have permission to use the specified resource.");
            case 404 -> error(404, "not_found_error", "model: " + model);
            case 413 -> error(413, "request_too_large", "Request exceeds the maximum allowed number of bytes.");
            case 429 -> error(429, "rate_limit_error", "This request would exceed the rate limit for your"
                    + " organization of 50 requests per minute. For details, refer to:"
                    + " https://docs.claude.com/en/api/rate-limits.");
            case 503, 529 -> error(status, "overloaded_error", "Overloaded");
            case 504 -> error(504, "timeout_error", "Request timed out");
            default -> status >= 500
                    ? error(status, "api_error", "Internal server error")
                    : error(status, "invalid_request_error", "Request failed with status " + status + ".");
        };
    }

    @Override
    public ErrorReply unknownRoute(String method, String path) {
        return error(404, "not_found_error", "Not Found");
    }

    @Override
    public void addResponseHeaders(MultiMap headers, long sequence) {
        headers.set("request-id", "req_sim" + sequence);
    }

    @Override
    public void addRateLimitHeaders(MultiMap headers, boolean exhausted) {
        String reset = Instant.ofEpochSecond(System.currentTimeMillis() / 1000 + 60).toString();
        headers.set("anthropic-ratelimit-requests-limit", "50")
                .set("anthropic-ratelimit-requests-remaining", exhausted ? "0" : "49")
                .set("anthropic-ratelimit-requests-reset", reset)
                .set("anthropic-ratelimit-tokens-limit", "40000")
                .set("anthropic-ratelimit-tokens-remaining", exhausted ? "0" : "39000")
                .set("anthropic-ratelimit-tokens-reset", reset);
    }

    static ErrorReply error(int status, String type, String message) {
        return new ErrorReply(status, "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":"
                + Json.quote(message) + "}}");
    }

    /** The in-stream error event, as sent when an overloaded stream fails after it started. */
    static String streamError() {
        return "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";
    }
}
