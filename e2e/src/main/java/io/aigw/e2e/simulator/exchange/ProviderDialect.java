package io.aigw.e2e.simulator.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/** How one provider authenticates and words its errors and headers. */
public interface ProviderDialect {

    /** The provider key the request carries, or null. */
    String apiKey(HttpServerRequest request);

    /** The model the request names (before any {@code @script}): the body's {@code model}, or where the provider puts it. */
    default String requestedModel(HttpServerRequest request, JsonNode json) {
        return json == null ? null : json.path("model").textValue();
    }

    /** Whether the request asks for a stream: the body's {@code stream}, or where the provider puts it. */
    default boolean streamRequested(HttpServerRequest request, JsonNode json) {
        return json != null && json.path("stream").asBoolean(false);
    }

    ErrorReply missingKey();

    ErrorReply wrongKey(String key);

    /** A rejection for a missing mandatory header (Anthropic's {@code anthropic-version}), or null. */
    default ErrorReply missingHeader(HttpServerRequest request) {
        return null;
    }

    ErrorReply unreadableBody();

    /** A 400 with this message (used for a behaviour script the simulator cannot read). */
    ErrorReply badRequest(String message);

    ErrorReply missingParameter(String name);

    /** The body the provider sends with {@code status}; {@code key} is the key the request used. */
    ErrorReply forStatus(int status, String model, String key);

    ErrorReply unknownRoute(String method, String path);

    /** Request-id style headers every answer carries. */
    void addResponseHeaders(MultiMap headers, long sequence);

    /** The provider's rate-limit headers; {@code exhausted} when answering 429. */
    void addRateLimitHeaders(MultiMap headers, boolean exhausted);
}
