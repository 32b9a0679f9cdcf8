package io.aigw.gateway.proxy;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorEnvelopes;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.translate.StreamTransform;
import io.aigw.gateway.usage.UsageEvent;
import io.aigw.gateway.usage.UsageExtractor;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * Relays a streamed upstream response. Headers are held until the first chunk (so a failure before it
 * still fails over); then everything that arrived in one read burst goes out in one write (INFRA.md:
 * never one flush per event), cut at the last complete SSE event. Back-pressure pauses upstream while
 * the client's write queue is full. A failure after the first chunk ends the stream with an error event.
 */
final class StreamRelay {

    private static final int MAX_HELD_BYTES = 1 << 20;
    private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};

    private final Exchange exchange;
    private final HttpClientResponse upstream;
    private final PlannedAttempt attempt;
    private final HttpServerResponse client;
    private final Handler<Void> flushTask = v -> flush(false);
    private final long started = System.nanoTime();
    private Buffer pending;
    private UsageEvent.Tokens usage;
    private long relayedBytes;
    private Long timeToFirstTokenMs;
    /** Upstream time to the first event, until that event is written to the client (then -1). */
    private long firstEventNanos = -1;
    private boolean flushScheduled;
    private boolean committed;
    private boolean done;

    private final int seq;
    /** Rewrites the events before they are sent (translation, usage-chunk filter); null = relay as received. */
    private final StreamTransform transform;

    StreamRelay(Exchange exchange, HttpClientResponse upstream, PlannedAttempt attempt, int seq, StreamTransform transform) {
        this.seq = seq;
        this.transform = transform;
        this.exchange = exchange;
        this.upstream = upstream;
        this.attempt = attempt;
        this.client = exchange.response();
    }

    void start() {
        upstream.handler(this::onData);
        upstream.endHandler(v -> onEnd());
        upstream.exceptionHandler(this::onError);
    }

    private void onData(Buffer chunk) {
        if (done) {
            return;
        }
        if (!committed && !exchange.current(seq)) {
            done = true;
            upstream.request().reset();
            return;
        }
        if (pending == null) {
            pending = chunk;
        } else {
            Buffer joined = Buffer.buffer(pending.length() + chunk.length());
            pending = joined.appendBuffer(pending).appendBuffer(chunk);
        }
        if (!committed) {
            if (!SseFraming.hasEvent(pending)) {
                return;
            }
            committed = true;
            firstEventNanos = System.nanoTime() - exchange.attemptStartedNanos();
            timeToFirstTokenMs = firstEventNanos / 1_000_000;
            exchange.writeHead(attempt, upstream);
            client.setChunked(true);
            client.headers().set("cache-control", "no-cache");
        }
        if (!flushScheduled) {
            flushScheduled = true;
            exchange.context().runOnContext(flushTask);
        }
    }

    /** Writes what is pending: complete events only, unless {@code all}. */
    private void flush(boolean all) {
        flushScheduled = false;
        if (pending == null || client.closed()) {
            return;
        }
        int length = all ? pending.length() : SseFraming.completeLength(pending);
        if (length == 0 && pending.length() < MAX_HELD_BYTES) {
            return;
        }
        if (length == 0) {
            length = pending.length();
        }
        sniffUsage(pending, length);
        Buffer events;
        if (length == pending.length()) {
            events = pending;
            pending = null;
        } else {
            events = pending.getBuffer(0, length);
            pending = pending.getBuffer(length, pending.length());
        }
        Buffer out = transform == null ? events : transform.apply(events);
        relayedBytes += out.length();
        if (out.length() > 0) {
            client.write(out);
            if (firstEventNanos >= 0) {
                exchange.answered(firstEventNanos);
                firstEventNanos = -1;
            }
        }
        if (client.writeQueueFull()) {
            upstream.pause();
            client.drainHandler(v -> upstream.resume());
        }
    }

    private void onEnd() {
        if (done || (!committed && !exchange.current(seq))) {
            return;
        }
        done = true;
        if (!committed) {
            committed = true;
            exchange.writeHead(attempt, upstream);
        }
        flush(true);
        exchange.finish();
        client.end();
        exchange.record(attempt, upstream.statusCode());
        exchange.streamDone(attempt, upstream.statusCode(), true, usage, relayedBytes, timeToFirstTokenMs);
    }

    /**
     * Reads `usage` from the events about to be written. Only `data:` lines with a usage object are parsed:
     * OpenAI streams asked for usage put `"usage":null` on every other chunk.
     */
    private void sniffUsage(Buffer events, int length) {
        if (!UsageExtractor.mentionsUsageObject(events, 0, length)) {
            return;
        }
        ByteBuf bytes = events.getByteBuf();
        int start = 0;
        while (start < length) {
            int end = bytes.indexOf(start, length, (byte) '\n');
            if (end < 0) {
                end = length;
            }
            if (end - start > DATA.length && isData(bytes, start) && UsageExtractor.mentionsUsageObject(events, start, end)) {
                byte[] json = events.getBytes(start + DATA.length, end);
                UsageEvent.Tokens seen = UsageExtractor.fromJson(json, 0, json.length);
                if (seen != null) {
                    usage = UsageExtractor.merge(usage, seen);
                }
            }
            start = end + 1;
        }
    }

    private static boolean isData(ByteBuf bytes, int at) {
        for (int i = 0; i < DATA.length; i++) {
            if (bytes.getByte(at + i) != DATA[i]) {
                return false;
            }
        }
        return true;
    }

    private void onError(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        if (!committed && !exchange.current(seq)) {
            return;
        }
        if (!committed) {
            exchange.onTransportFailure(attempt, failure, started);
            return;
        }
        pending = null;
        exchange.finish();
        if (!client.closed()) {
            client.end(ErrorEnvelopes.streamEvent(exchange.surface().errorFormat(), new GatewayException(
                    ErrorCode.ALL_ATTEMPTS_FAILED, "The upstream stream from \"" + attempt.address().canonical()
                            + "\" broke off after it started.")));
        }
        exchange.record(attempt, 502);
        exchange.streamDone(attempt, 502, false, usage, relayedBytes, timeToFirstTokenMs);
    }
}
