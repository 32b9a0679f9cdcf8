package io.aigw.gateway.api;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads one request body into a buffer that grows as bytes arrive (never sized by the declared length), refusing
 * it with 413 as soon as the declared or received length passes the limit, with 408 when it pauses longer than the
 * idle timeout or is not whole by the deadline, and with 503 `overloaded` when its buffer would pass the
 * process-wide {@link BodyBudget}. The buffer's capacity stays taken from the budget until the response is over.
 * Runs on the request's event loop.
 */
final class BodyReader implements Handler<Buffer> {

    /** Limits of one read: the largest body, the idle and total time (ms; total counted from arrival). */
    record Limits(long maxBytes, long idleMs, long deadlineNanos) {
    }

    private static final int FIRST_CAPACITY = 16 * 1024;
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final BodyBudget budget;
    private final Limits limits;
    /** The first buffer's capacity: the declared length up to {@link #FIRST_CAPACITY} (a small body takes little). */
    private final int firstCapacity;
    private final Promise<Body> promise = Promise.promise();
    private byte[] bytes = new byte[0];
    private int size;
    private long taken;
    private long lastRead = System.nanoTime();
    /**
     * One timer for both limits (issue 19: a set/cancel pair less per request than one per limit): it fires at the
     * nearer of the idle limit and the deadline, and re-arms for what is left of them (no timer churn per chunk).
     */
    private long timer = -1;

    private BodyReader(Vertx vertx, HttpServerRequest request, BodyBudget budget, Limits limits, long declared) {
        this.firstCapacity = (int) (declared > 0 ? Math.min(declared, FIRST_CAPACITY) : FIRST_CAPACITY);
        this.vertx = vertx;
        this.request = request;
        this.budget = budget;
        this.limits = limits;
    }

    /** The body bytes with their length; the request must be paused. {@code link} releases the budget. */
    static Future<Body> read(Vertx vertx, HttpServerRequest request, ClientLink link, BodyBudget budget, Limits limits) {
        String declared = request.getHeader("content-length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -2;
            }
            if (length < 0) {
                return Future.failedFuture(new GatewayException(ErrorCode.INVALID_REQUEST, "Bad Content-Length."));
            }
        }
        if (length > limits.maxBytes()) {
            return Future.failedFuture(tooLarge(limits.maxBytes()));
        }
        if (length == 0) {
            return Future.succeededFuture(new Body(new byte[0], 0));
        }
        BodyReader reader = new BodyReader(vertx, request, budget, limits, length);
        link.whenDone(reader::release);
        return reader.start();
    }

    private Future<Body> start() {
        long remainingMs = (limits.deadlineNanos() - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0) {
            return Future.failedFuture(timeout());
        }
        timer = vertx.setTimer(Math.min(remainingMs, limits.idleMs()), id -> onTimer());
        request.handler(this);
        request.endHandler(v -> {
            stopTimers();
            promise.tryComplete(new Body(bytes, size));
        });
        request.exceptionHandler(this::fail);
        if ("100-continue".equalsIgnoreCase(request.getHeader("expect"))) {
            request.response().writeContinue();
        }
        request.resume();
        return promise.future();
    }

    @Override
    public void handle(Buffer chunk) {
        if (promise.future().isComplete()) {
            return;
        }
        lastRead = System.nanoTime();
        int n = chunk.length();
        if (size + (long) n > limits.maxBytes()) {
            fail(tooLarge(limits.maxBytes()));
            return;
        }
        if (size + n > bytes.length) {
            int capacity = (int) Math.min(limits.maxBytes(),
                    Math.max(size + (long) n, Math.max(firstCapacity, bytes.length * 2L)));
            if (!budget.tryTake(capacity - bytes.length)) {
                fail(new GatewayException(ErrorCode.OVERLOADED, 503,
                        "The gateway is receiving too many request bodies at once; retry shortly.", null,
                        Map.of("Retry-After", RETRY_AFTER_SECONDS)));
                return;
            }
            taken += capacity - bytes.length;
            bytes = Arrays.copyOf(bytes, capacity);
        }
        chunk.getBytes(0, n, bytes, size);
        size += n;
    }

    /** Fails the read when the deadline passed or the body paused too long; else re-arms for the nearer of the two. */
    private void onTimer() {
        timer = -1;
        if (promise.future().isComplete()) {
            return;
        }
        long now = System.nanoTime();
        long remainingMs = (limits.deadlineNanos() - now) / 1_000_000;
        long idleMs = (now - lastRead) / 1_000_000;
        if (remainingMs <= 0 || idleMs >= limits.idleMs()) {
            fail(timeout());
        } else {
            timer = vertx.setTimer(Math.min(remainingMs, limits.idleMs() - idleMs), id -> onTimer());
        }
    }

    private void fail(Throwable failure) {
        stopTimers();
        if (promise.tryFail(failure)) {
            request.handler(null);
        }
    }

    private void stopTimers() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void release() {
        stopTimers();
        if (taken > 0) {
            budget.give(taken);
            taken = 0;
        }
    }

    static GatewayException tooLarge(long limit) {
        return new GatewayException(ErrorCode.REQUEST_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes.");
    }

    private static GatewayException timeout() {
        return new GatewayException(ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive in time.");
    }

    /** {@code bytes[0..length)} is the body. */
    record Body(byte[] bytes, int length) {
    }
}
