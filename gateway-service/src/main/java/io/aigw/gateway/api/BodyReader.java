package io.aigw.gateway.api;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body into one array, refusing it (413 `request_too_large`) from its Content-Length
 * before reading anything, or as soon as a chunked body passes the limit: never buffered whole.
 */
final class BodyReader {

    private BodyReader() {
    }

    /** The body bytes with their length; the request must be paused. */
    static Future<Body> read(HttpServerRequest request, long limit) {
        String declared = request.getHeader("content-length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                return Future.failedFuture(new GatewayException(ErrorCode.INVALID_REQUEST, "Bad Content-Length."));
            }
        }
        if (length > limit) {
            return Future.failedFuture(tooLarge(limit));
        }
        if (length == 0) {
            return Future.succeededFuture(new Body(new byte[0], 0));
        }
        Promise<Body> promise = Promise.promise();
        Collector collector = new Collector(length > 0 ? (int) length : 8192, limit, promise);
        request.handler(collector);
        request.endHandler(v -> promise.tryComplete(new Body(collector.bytes, collector.size)));
        request.exceptionHandler(promise::tryFail);
        if ("100-continue".equalsIgnoreCase(request.getHeader("expect"))) {
            request.response().writeContinue();
        }
        request.resume();
        return promise.future();
    }

    static GatewayException tooLarge(long limit) {
        return new GatewayException(ErrorCode.REQUEST_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes.");
    }

    /** {@code bytes[0..length)} is the body. */
    record Body(byte[] bytes, int length) {
    }

    private static final class Collector implements io.vertx.core.Handler<Buffer> {
        private final long limit;
        private final Promise<Body> promise;
        byte[] bytes;
        int size;

        Collector(int initial, long limit, Promise<Body> promise) {
            this.bytes = new byte[initial];
            this.limit = limit;
            this.promise = promise;
        }

        @Override
        public void handle(Buffer chunk) {
            int n = chunk.length();
            if (size + (long) n > limit) {
                promise.tryFail(tooLarge(limit));
                return;
            }
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(bytes.length * 2L, size + (long) n)));
            }
            chunk.getBytes(0, n, bytes, size);
            size += n;
        }
    }
}
