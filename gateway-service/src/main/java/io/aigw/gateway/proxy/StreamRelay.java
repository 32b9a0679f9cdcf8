package io.aigw.gateway.proxy;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorEnvelopes;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.translate.SseEvents;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/**
 * Relays a streamed upstream response. Headers are held until the first content event (a role chunk,
 * `message_start` or `ping` does not count), so a failure before it still fails over: an error event, or the end of a
 * body that held no content, included; then everything that arrived in one read burst goes out in one write (INFRA.md: never one flush per event), cut
 * at the last complete SSE event. Event ends are found by one forward scan over bytes not seen before. Back-pressure
 * pauses upstream while the client's write queue is full. A failure after the commit writes every complete event
 * that arrived before it, then an error event, then ends the stream. A client that goes away cancels the upstream.
 * Events the transform keeps back (a tool call awaiting its firewall verdict) are written when it releases them, and
 * the stream ends after them. When the upstream's body ends, the transform's closing events (a translation's end for an
 * upstream that did not send one) follow the last relayed event, then what it kept back, then its closing bytes.
 */
final class StreamRelay {

    private static final int MAX_HELD_BYTES = 1 << 20;
    /** Held before the first content event at most: past it the stream is committed anyway. */
    private static final int MAX_PREAMBLE_BYTES = 64 * 1024;

    private final Exchange exchange;
    private final HttpClientResponse upstream;
    private final PlannedAttempt attempt;
    private final HttpServerResponse client;
    private final Handler<Void> flushTask = v -> flush(false);
    private final long started;
    /** Bytes received and not yet written: an owned buffer that grows (amortised), never re-copied per read. */
    private Buffer pending;
    /** End of the last complete event in {@link #pending} (0 = none), and how far it was scanned. */
    private int complete;
    private int scanned;
    /** Before the commit: where the next event to classify starts. */
    private int classified;
    private long relayedBytes;
    private Long timeToFirstTokenMs;
    /** Upstream time to the first event, until that event is written to the client (then -1). */
    private long firstEventNanos = -1;
    private boolean flushScheduled;
    private boolean committed;
    private boolean done;
    /** The client's stream was ended (or broken off): nothing more is written to it. */
    private boolean ended;

    private final int seq;
    /** Rewrites the events before they are sent (translation, firewall, key mask); null = relay as received. */
    private final StreamTransform transform;
    /** Reads the usage of the events about to be sent, and drops the usage chunk the client did not ask for. */
    private final UsageSniffer usage;

    StreamRelay(Exchange exchange, HttpClientResponse upstream, PlannedAttempt attempt, int seq, StreamTransform transform,
            UsageSniffer usage, long started) {
        this.seq = seq;
        this.transform = transform;
        this.usage = usage;
        this.exchange = exchange;
        this.upstream = upstream;
        this.attempt = attempt;
        this.client = exchange.response();
        this.started = started;
    }

    void start() {
        if (transform != null) {
            transform.onLate(this::writeLate);
        }
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
        append(chunk);
        if (!committed) {
            Boolean commit = scanPreamble();
            if (commit == null) {
                return; // an error event before any content: failed over
            }
            if (!commit) {
                return;
            }
            commit();
        }
        if (!flushScheduled) {
            flushScheduled = true;
            exchange.context().runOnContext(flushTask);
        }
    }

    private void append(Buffer chunk) {
        if (pending == null) {
            pending = Buffer.buffer(Math.max(4096, chunk.length() * 2));
        }
        pending.appendBuffer(chunk);
        int boundary = SseEvents.lastEventEnd(pending, Math.max(complete, scanned - 3), pending.length());
        if (boundary > 0) {
            complete = boundary;
        }
        scanned = pending.length();
    }

    /** True: content arrived (or too much preamble), commit; false: keep holding; null: an error event came first. */
    private Boolean scanPreamble() {
        while (classified < complete) {
            int next = SseEvents.eventEnd(pending, classified, complete);
            switch (SseFraming.classify(pending, classified, next)) {
                case ERROR -> {
                    done = true;
                    upstream.request().reset();
                    exchange.onEarlyStreamError(attempt, started, " sent an error event before any content");
                    return null;
                }
                case CONTENT -> {
                    return true;
                }
                default -> classified = next;
            }
        }
        return pending.length() > MAX_PREAMBLE_BYTES;
    }

    private void commit() {
        committed = true;
        firstEventNanos = System.nanoTime() - exchange.attemptStartedNanos();
        timeToFirstTokenMs = firstEventNanos / 1_000_000;
        exchange.writeHead(attempt, upstream);
        exchange.relaying(this);
        client.setChunked(true);
        client.headers().set("cache-control", "no-cache");
    }

    /** Writes what is pending: complete events only, unless {@code all}. */
    private void flush(boolean all) {
        flushScheduled = false;
        if (pending == null || client.closed()) {
            return;
        }
        int length = all ? pending.length() : complete;
        if (length == 0 && pending.length() < MAX_HELD_BYTES) {
            return;
        }
        if (length == 0) {
            length = pending.length();
        }
        if (exchange.traced()) {
            exchange.observe(length == pending.length() ? pending : pending.getBuffer(0, length));
        }
        Buffer events;
        if (length == pending.length()) {
            events = pending;
            pending = null;
            complete = 0;
            scanned = 0;
        } else {
            events = pending.getBuffer(0, length);
            Buffer rest = Buffer.buffer(Math.max(4096, (pending.length() - length) * 2));
            rest.appendBuffer(pending, length, pending.length() - length);
            pending = rest;
            complete = Math.max(0, complete - length);
            scanned = pending.length();
        }
        events = usage.read(events);
        write(transform == null ? events : transform.apply(events));
        if (client.writeQueueFull()) {
            upstream.pause();
            client.drainHandler(v -> upstream.resume());
        }
    }

    private void write(Buffer out) {
        relayedBytes += out.length();
        if (out.length() > 0) {
            client.write(out);
            if (firstEventNanos >= 0) {
                exchange.answered(firstEventNanos);
                firstEventNanos = -1;
            }
        }
    }

    /** Events the transform kept back (a tool call waiting for its verdict), released in order. */
    private void writeLate(Buffer out) {
        if (!ended && !client.closed()) {
            write(out);
        }
    }

    private void onEnd() {
        if (done || (!committed && !exchange.current(seq))) {
            return;
        }
        done = true;
        if (!committed) {
            if (endedBeforeContent()) {
                exchange.onEarlyStreamError(attempt, started, " ended its stream before any content");
                return;
            }
            commit();
        }
        flush(true);
        Buffer last = transform == null || client.closed() ? null : transform.finish(); // a translator's own end
        if (last != null) {
            write(last);
        }
        exchange.finish();
        if (transform == null) {
            end();
        } else { // the transform may still wait for a verdict on a tool call: the stream ends after what it releases
            transform.drained().onComplete(v -> exchange.onContext(this::end));
        }
    }

    /**
     * Whether the body that ended held nothing but preamble events (a role chunk, `message_start`…), or nothing at all:
     * no answer, which fails over like an error event before content. A body that is not events (a JSON answer to a
     * stream request) is relayed as it is.
     */
    private boolean endedBeforeContent() {
        return pending == null || (complete == pending.length() && classified == complete);
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        boolean traced = exchange.traced(); // the server span ends with the response: its attributes are set before
        if (traced) {
            exchange.streamDone(attempt, upstream.statusCode(), "success", usage.usage(), relayedBytes, timeToFirstTokenMs);
        }
        Buffer tail = transform == null || client.closed() ? null : transform.close();
        if (tail != null) {
            write(tail);
        }
        client.end();
        exchange.record(attempt, upstream.statusCode());
        if (!traced) {
            exchange.streamDone(attempt, upstream.statusCode(), "success", usage.usage(), relayedBytes, timeToFirstTokenMs);
        }
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
        flush(false); // every complete event that arrived before the break, then the error event
        ended = true; // a tool call still waiting for its verdict is dropped with the stream
        pending = null;
        exchange.finish();
        if (!client.closed()) {
            Buffer error = ErrorEnvelopes.streamEvent(exchange.surface().errorFormat(), new GatewayException(
                    ErrorCode.ALL_ATTEMPTS_FAILED, "The upstream stream from \"" + attempt.address().canonical()
                            + "\" broke off after it started."));
            client.end(transform == null ? error : transform.failed(error));
        }
        exchange.record(attempt, 502);
        exchange.streamDone(attempt, 502, "error", usage.usage(), relayedBytes, timeToFirstTokenMs);
    }

    /**
     * The client went away mid-stream: stop reading upstream and record what was relayed so far (the usage read so
     * far). Also when the upstream's stream is over but its end waits for a verdict on a held tool call: the verdict
     * then releases nothing and the stream is not recorded again.
     */
    void cancel() {
        if (ended) {
            return;
        }
        ended = true;
        if (!done) {
            done = true;
            if (pending != null && complete > 0) {
                usage.read(pending.getBuffer(0, complete));
            }
            upstream.request().reset();
        }
        pending = null;
        exchange.record(attempt, 499);
        exchange.streamDone(attempt, 499, "client_cancelled", usage.usage(), relayedBytes, timeToFirstTokenMs);
    }
}
