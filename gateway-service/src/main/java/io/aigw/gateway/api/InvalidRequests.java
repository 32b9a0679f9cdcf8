package io.aigw.gateway.api;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the HTTP decoder itself refuses (a bad request line, a bad, negative or doubled Content-Length, a space before a
 * header's colon, obsolete line folding, a line or header block over Netty's limits) answered like every other gateway
 * error: the surface's envelope and {@code X-AIGW-Request-Id}, then the connection closed, since the bytes after such a
 * head cannot be trusted to start a request.
 */
final class InvalidRequests {

    private InvalidRequests() {
    }

    static void answer(HttpServerRequest request) {
        HttpStrictness.refuse(request, error(request.decoderResult()));
    }

    private static GatewayException error(DecoderResult result) {
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpLineException) {
            return new GatewayException(ErrorCode.URI_TOO_LONG, "The request line is too long.");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return new GatewayException(ErrorCode.HEADERS_TOO_LARGE, "The request headers are too large.");
        }
        if (cause != null && ObsFoldRejectingDecoder.FOLDED.equals(cause.getMessage())) {
            return new GatewayException(ErrorCode.INVALID_REQUEST, ObsFoldRejectingDecoder.FOLDED);
        }
        return new GatewayException(ErrorCode.INVALID_REQUEST,
                "The request is not valid HTTP/1.1 (request line, header syntax or message framing).");
    }
}
