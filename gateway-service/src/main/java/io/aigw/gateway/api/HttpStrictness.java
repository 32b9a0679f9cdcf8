package io.aigw.gateway.api;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.ErrorResponder;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Framing and size rules checked on every request before any route (RFC 9112): a Transfer-Encoding other than a
 * lone `chunked` is refused with 400 and the connection closed (a front proxy may have framed the body otherwise:
 * the bytes after the head must never run as a request of their own); a URI or a header block over the gateway's
 * limits answers 414 / 431. Each refusal carries the surface's envelope and `X-AIGW-Request-Id`. Netty's own
 * limits are set higher (application.properties), so that these envelopes, not its empty answers, are what
 * clients see.
 */
@Singleton
public class HttpStrictness {

    /** Longest request target (path and query). */
    static final int MAX_URI = 8 * 1024;
    /** Largest header block (names and values). */
    static final int MAX_HEADER_BYTES = 32 * 1024;

    void register(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        List<String> codings = request.headers().getAll("transfer-encoding");
        if (!codings.isEmpty() && (codings.size() > 1 || !"chunked".equalsIgnoreCase(codings.get(0).trim()))) {
            refuse(request, new GatewayException(ErrorCode.INVALID_REQUEST,
                    "Unsupported Transfer-Encoding: only chunked is accepted."));
            return;
        }
        if (request.uri().length() > MAX_URI) {
            refuse(request, new GatewayException(ErrorCode.URI_TOO_LONG,
                    "The request URI is longer than " + MAX_URI + " characters."));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            refuse(request, new GatewayException(ErrorCode.HEADERS_TOO_LARGE,
                    "The request headers are larger than " + MAX_HEADER_BYTES + " bytes."));
            return;
        }
        ctx.next();
    }

    /**
     * Answers and closes the connection, so nothing pipelined behind this request is ever read as a request. Also the
     * answer to what the HTTP decoder refused ({@link InvalidRequests}).
     */
    static void refuse(HttpServerRequest request, GatewayException error) {
        request.response().headers().set(GatewayHeaders.REQUEST_ID, RequestIds.next()).set("connection", "close");
        request.response().endHandler(v -> request.connection().close());
        ErrorFormat format = path(request).startsWith("/v1/messages") ? ErrorFormat.ANTHROPIC : ErrorFormat.OPENAI;
        ErrorResponder.send(request, format, error);
    }

    private static String path(HttpServerRequest request) {
        try {
            String path = request.path();
            return path == null ? "" : path;
        } catch (RuntimeException e) {
            return ""; // a request line too broken to have a path
        }
    }
}
