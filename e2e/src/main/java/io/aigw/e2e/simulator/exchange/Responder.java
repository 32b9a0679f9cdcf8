package io.aigw.e2e.simulator.exchange;

import io.aigw.e2e.simulator.behavior.Behavior;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The answer to one request: JSON or error bodies, streams written event by event, delays that a client
 * disconnect cancels, and the deliberate faults (reset, break-off). Used on the request's event loop only.
 */
public final class Responder {

    private static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence EVENT_STREAM = HttpHeaders.createOptimized("text/event-stream");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final ProviderDialect dialect;
    private final Behavior behavior;
    private final long sequence;
    private final AtomicInteger openStreams;
    private boolean closed;
    private boolean watchingClose;
    private boolean streaming;
    private long timerId = -1;

    Responder(Vertx vertx, HttpServerRequest request, ProviderDialect dialect, Behavior behavior, long sequence,
              AtomicInteger openStreams) {
        this.vertx = vertx;
        this.request = request;
        this.response = request.response();
        this.dialect = dialect;
        this.behavior = behavior;
        this.sequence = sequence;
        this.openStreams = openStreams;
    }

    public boolean isClosed() {
        return closed;
    }

    public void json(String body) {
        decorate(response.headers(), false).set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
        if (behavior.gzip()) {
            response.headers().set(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.end(Buffer.buffer(gzip(body)));
            return;
        }
        response.end(body);
    }

    /** A redirect ({@code redirect=3xx}) to a host that does not exist. */
    public void redirect(int status) {
        response.headers().set(HttpHeaders.LOCATION, "https://redirected.invalid" + request.path());
        response.setStatusCode(status).end();
    }

    private static byte[] gzip(String body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void error(ErrorReply error) {
        MultiMap headers = decorate(response.headers(), error.status() == 429);
        headers.set(HttpHeaders.CONTENT_TYPE, APPLICATION_JSON);
        if (behavior.retryAfterSeconds() != null) {
            headers.set("retry-after", Integer.toString(behavior.retryAfterSeconds()));
        }
        response.setStatusCode(error.status()).end(error.body());
    }

    /** Sends the stream headers (chunked {@code text/event-stream}) with {@code firstWrite}, or alone when null. */
    void beginStream(String firstWrite) {
        streaming = true;
        openStreams.incrementAndGet();
        watchClose();
        decorate(response.headers(), false).set(HttpHeaders.CONTENT_TYPE, EVENT_STREAM)
                .set(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        response.setChunked(true);
        if (firstWrite != null) {
            response.write(firstWrite);
        } else {
            response.writeHead();
        }
    }

    /** One write per event, so the client sees it before the next one is produced. */
    public void write(String event) {
        if (!closed) {
            response.write(event);
        }
    }

    public void end() {
        streamDone();
        if (!closed) {
            response.end();
        }
    }

    /** Runs {@code action} after {@code ms} (at once when 0); a client disconnect cancels it. */
    public void after(long ms, Runnable action) {
        if (ms <= 0) {
            action.run();
            return;
        }
        watchClose();
        timerId = vertx.setTimer(ms, id -> {
            timerId = -1;
            if (!closed) {
                action.run();
            }
        });
    }

    /**
     * Closes the connection in the middle of the answer: what was written is delivered, then the connection ends
     * without the body's terminating chunk, so the client sees a truncated body (an IO error).
     */
    public void breakOff() {
        closed = true;
        cancelTimer();
        streamDone();
        request.connection().close();
    }

    /** Closes the TCP connection abruptly (reset), without an answer. */
    public void reset() {
        closed = true;
        cancelTimer();
        streamDone();
        ConnectionReset.reset(request.connection());
    }

    private void watchClose() {
        if (!watchingClose) {
            watchingClose = true;
            response.closeHandler(v -> {
                closed = true;
                cancelTimer();
                streamDone();
            });
            response.exceptionHandler(e -> closed = true);
        }
    }

    private void cancelTimer() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void streamDone() {
        if (streaming) {
            streaming = false;
            openStreams.decrementAndGet();
        }
    }

    private MultiMap decorate(MultiMap headers, boolean exhausted) {
        dialect.addResponseHeaders(headers, sequence);
        if (behavior.rateLimitHeaders()) {
            dialect.addRateLimitHeaders(headers, exhausted);
        }
        return headers;
    }
}
