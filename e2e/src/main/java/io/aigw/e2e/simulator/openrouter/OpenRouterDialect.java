package io.aigw.e2e.simulator.openrouter;

import io.aigw.e2e.simulator.exchange.ErrorReply;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.ProviderDialect;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/** OpenRouter: bearer keys, errors as {@code {"error":{"code":<status>,"message":…}}}, {@code X-RateLimit-*}. */
public final class OpenRouterDialect implements ProviderDialect {

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
        return error(401, "No auth credentials found");
    }

    @Override
    public ErrorReply wrongKey(String key) {
        return error(401, "User not found.");
    }

    @Override
    public ErrorReply unreadableBody() {
        return error(400, "Invalid JSON in request body");
    }

    @Override
    public ErrorReply badRequest(String message) {
        return error(400, message);
    }

    @Override
    public ErrorReply missingParameter(String name) {
        return error(400, "Missing required parameter: '" + name + "'.");
    }

    @Override
    public ErrorReply forStatus(int status, String model, String key) {
        return switch (status) {
            case 401 -> key == null ? missingKey() : wrongKey(key);
            case 402 -> error(402, "Insufficient credits. Add more using https://openrouter.ai/credits");
            case 403 -> error(403, "Your chosen model requires moderation and your input was flagged");
            case 404 -> error(404, "No endpoints found for " + model + ".");
            case 408 -> error(408, "Request timed out");
            case 429 -> error(429, "Rate limit exceeded: " + model + " is temporarily rate-limited upstream.");
            case 502 -> error(502, "Provider returned error");
            case 503 -> error(503, "No endpoints found that can handle the requested parameters.");
            default -> error(status, status >= 500 ? "Internal Server Error" : "Request failed with status " + status);
        };
    }

    @Override
    public ErrorReply unknownRoute(String method, String path) {
        return error(404, "Not Found");
    }

    @Override
    public void addResponseHeaders(MultiMap headers, long sequence) {
        headers.set("x-generation-id", "gen-sim" + sequence);
    }

    @Override
    public void addRateLimitHeaders(MultiMap headers, boolean exhausted) {
        headers.set("x-ratelimit-limit", "20")
                .set("x-ratelimit-remaining", exhausted ? "0" : "19")
                .set("x-ratelimit-reset", Long.toString(System.currentTimeMillis() + 60_000));
    }

    static ErrorReply error(int status, String message) {
        return new ErrorReply(status, "{\"error\":{\"message\":" + Json.quote(message) + ",\"code\":" + status + "}}");
    }
}
