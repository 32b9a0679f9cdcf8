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
    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /** The body with `model` and `stream` set from the path. */
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
        object.put("model", model).put("stream", stream);
        try {
            return MAPPER.writeValueAsBytes(object);
        } catch (IOException e) {
            throw new GatewayException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON.");
        }
    }
}
