package io.aigw.e2e.simulator.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.exchange.ErrorReply;
import io.aigw.e2e.simulator.exchange.Json;
import io.aigw.e2e.simulator.exchange.ProviderDialect;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Google's Gemini API (`generativelanguage.googleapis.com/v1beta`): the key in {@code x-goog-api-key} (or
 * {@code ?key=}), the model and streaming in the path ({@code models/{model}:generateContent},
 * {@code :streamGenerateContent?alt=sse}), errors in Google's envelope
 * {@code {"error":{"code":429,"message":…,"status":"RESOURCE_EXHAUSTED"}}}. A wrong key is a 400
 * {@code INVALID_ARGUMENT} (reason {@code API_KEY_INVALID}), as Google answers it; Google sends no rate-limit headers.
 */
public final class GeminiDialect implements ProviderDialect {

    /** {@code /v1beta/models/{model}:generateContent} or {@code …:streamGenerateContent}; the colon may be encoded. */
    public static final java.util.regex.Pattern PATH =
            java.util.regex.Pattern.compile("/v1beta/models/(.+)(?::|%3[Aa])(generateContent|streamGenerateContent)");

    @Override
    public String apiKey(HttpServerRequest request) {
        String key = request.getHeader("x-goog-api-key");
        return key != null ? key : request.getParam("key");
    }

    @Override
    public String requestedModel(HttpServerRequest request, JsonNode json) {
        java.util.regex.Matcher m = PATH.matcher(request.path());
        return m.matches() ? URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8) : null;
    }

    @Override
    public boolean streamRequested(HttpServerRequest request, JsonNode json) {
        java.util.regex.Matcher m = PATH.matcher(request.path());
        return m.matches() && m.group(2).equals("streamGenerateContent");
    }

    @Override
    public ErrorReply missingKey() {
        return error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established"
                + " identity). Please use API Key or other form of API consumer identity to call this API.");
    }

    @Override
    public ErrorReply wrongKey(String key) {
        return new ErrorReply(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                + "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\",\"metadata\":{\"service\":"
                + "\"generativelanguage.googleapis.com\"}}]}}");
    }

    @Override
    public ErrorReply unreadableBody() {
        return error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unexpected token.");
    }

    @Override
    public ErrorReply badRequest(String message) {
        return error(400, "INVALID_ARGUMENT", message);
    }

    @Override
    public ErrorReply missingParameter(String name) {
        return error(400, "INVALID_ARGUMENT", "* GenerateContentRequest." + name + ": " + name + " is not specified\n");
    }

    @Override
    public ErrorReply forStatus(int status, String model, String key) {
        return switch (status) {
            case 400 -> error(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
            case 401 -> error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
            case 403 -> error(403, "PERMISSION_DENIED", "The caller does not have permission");
            case 404 -> error(404, "NOT_FOUND", "models/" + model + " is not found for API version v1beta, or is not"
                    + " supported for generateContent. Call ListModels to see the list of available models and their"
                    + " supported methods.");
            case 429 -> error(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and"
                    + " billing details.");
            case 500 -> error(500, "INTERNAL", "An internal error has occurred. Please retry or report in"
                    + " https://developers.generativeai.google/guide/troubleshooting");
            case 503 -> error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
            case 504 -> error(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.");
            default -> error(status, status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION",
                    "Request failed with status " + status + ".");
        };
    }

    @Override
    public ErrorReply unknownRoute(String method, String path) {
        return error(404, "NOT_FOUND", "Method not found.");
    }

    @Override
    public void addResponseHeaders(MultiMap headers, long sequence) {
        headers.set("server-timing", "gfet4t7; dur=" + (100 + sequence % 100)).set("x-content-type-options", "nosniff");
    }

    @Override
    public void addRateLimitHeaders(MultiMap headers, boolean exhausted) {
        // Google's API sends none
    }

    static ErrorReply error(int status, String googleStatus, String message) {
        return new ErrorReply(status, body(status, googleStatus, message));
    }

    static String body(int status, String googleStatus, String message) {
        return "{\"error\":{\"code\":" + status + ",\"message\":" + Json.quote(message) + ",\"status\":\"" + googleStatus
                + "\"}}";
    }

    /** The event a stream that fails after its start ends with (Google ends the SSE stream with the error object). */
    static String streamError() {
        return "data: " + body(503, "UNAVAILABLE", "The model is overloaded. Please try again later.") + "\r\n\r\n";
    }
}
