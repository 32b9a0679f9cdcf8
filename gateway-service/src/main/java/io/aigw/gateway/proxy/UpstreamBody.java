package io.aigw.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * Reads a non-streamed upstream answer into one buffer, at most {@code cap} bytes: a declared or received length
 * over it fails with {@link TooLarge} at once (the caller resets the connection), so a broken or hostile upstream
 * cannot fill the heap. The buffer is the answer the client gets: no second copy. The gateway asks for `identity`;
 * a gzip or deflate answer is decoded here (within the same cap), before its usage is read.
 */
final class UpstreamBody {

    /** The answer passed the cap. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("upstream answer over the cap", null, false, false);
        }
    }

    /** The answer was encoded in a way the gateway cannot read (neither identity, gzip nor deflate). */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("upstream answer in an unknown content coding", null, false, false);
        }
    }

    private UpstreamBody() {
    }

    static Future<Buffer> read(HttpClientResponse upstream, long cap) {
        String declared = upstream.getHeader("content-length");
        int initial = 4096;
        if (declared != null) {
            try {
                long length = Long.parseLong(declared.trim());
                if (length > cap) {
                    return Future.failedFuture(new TooLarge());
                }
                initial = (int) Math.max(0, Math.min(length, 1 << 20));
            } catch (NumberFormatException e) {
                // framing errors surface as an exception of the response
            }
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer[] collected = {Buffer.buffer(initial)};
        upstream.handler(chunk -> {
            if (promise.future().isComplete()) {
                return;
            }
            if (collected[0].length() + (long) chunk.length() > cap) {
                collected[0] = null;
                promise.tryFail(new TooLarge());
                return;
            }
            collected[0].appendBuffer(chunk);
        });
        String coding = upstream.getHeader("content-encoding");
        upstream.endHandler(v -> {
            if (collected[0] == null) {
                return;
            }
            try {
                promise.tryComplete(ContentCoding.decode(collected[0], coding, cap));
            } catch (TooLarge | Unreadable e) {
                promise.tryFail(e);
            }
        });
        upstream.exceptionHandler(promise::tryFail);
        return promise.future();
    }
}
