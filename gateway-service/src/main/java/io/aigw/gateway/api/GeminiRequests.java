package io.aigw.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The Gemini surface's request shape (`POST /v1beta/models/{model}:generateContent` or `:streamGenerateContent`,
 * key in `x-goog-api-key` or `?key=`) brought to the shape the proxy reads: the access key as `x-api-key`, and the
 * model and streaming named in the body (`model`, `stream`), which the translators ignore.
 */
final class GeminiRequests {

    /** The colon may arrive percent-encoded (`%3A`), as some HTTP clients write it. */
    static final String PATH = "/v1beta/models/(.+)(?::|%3[Aa])(generateContent|streamGenerateContent)";
    private static final String PREFIX = "/v1beta/models/";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GeminiRequests() {
    }

    /** The headers the authenticator reads: the Gemini key as `x-api-key`, else the request's own. */
    static MultiMap credentials(HttpServerRequest request) {
        String key = request.getHeader("x-goog-api-key");
        if (key == null) {
            key = request.getParam("key");
        }
        if (key == null) {
            return request.headers();
        }
        return MultiMap.caseInsensitiveMultiMap().set("x-api-key", key);
    }

    static boolean streams(HttpServerRequest request) {
        return request.path().endsWith("streamGenerateContent");
    }

    /** The model named in the path (`models/` prefix and URL encoding removed). */
    static String model(HttpServerRequest request) {
        String path = URLDecoder.decode(request.path(), StandardCharsets.UTF_8);
        String model = path.substring(PREFIX.length(), path.lastIndexOf(':'));
        return model.startsWith("models/") ? model.substring(7) : model;
    }

    private static String quoted(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The body with `model` and `stream` from the path appended after the client's own fields, whose bytes stay as
     * received (a Gemini provider gets them back without the two: {@code RequestBody#without}).
     */
    static byte[] withRoute(byte[] body, int length, String model, boolean stream) {
        JsonNode in;
        try {
            in = MAPPER.readTree(body, 0, length);
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON.");
        }
        if (!(in instanceof ObjectNode object)) {
            throw new GatewayException(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object.");
        }
        int end = length - 1;
        while (body[end] != '}') { // the object's closing brace: only whitespace follows it (trailing tokens fail)
            end--;
        }
        byte[] route = ((object.isEmpty() ? "" : ",") + "\"model\":" + quoted(model) + ",\"stream\":" + stream + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(body, end + route.length);
        System.arraycopy(route, 0, out, end, route.length);
        return out;
    }
}
