package io.aigw.gateway.translate;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Rewrites a relayed stream event by event (a translation between formats, or a filter). Called on the
 * request's event loop with complete server-sent events only, in order; one instance per stream. A transform may keep
 * events back for a while (a firewall verdict on a tool call): it hands them later, in order, to {@link #onLate}'s
 * consumer, on the request's event loop, and {@link #drained()} says when nothing is kept any more. A transform that
 * wraps another (the key mask, a firewall filter, a JSON array, a two-step translation) passes every call on to it,
 * {@link #finish}, {@link #close} and {@link #failed} included, so that what the inner one says at the end reaches the
 * client through the outer ones, in order.
 */
public interface StreamTransform {

    /** The events to send for {@code events} (complete SSE events); may be empty. */
    Buffer apply(Buffer events);

    /** Where events kept back go once released (set before the first {@link #apply}). */
    default void onLate(Consumer<Buffer> late) {
    }

    /** Completes once every event kept back was released (at once for a transform that keeps nothing). */
    default Future<Void> drained() {
        return Future.succeededFuture();
    }

    /**
     * The upstream's stream ended (cleanly, not broken off): the events that end the client's stream which the upstream
     * did not send, or null. Called once, after the last {@link #apply} and before {@link #drained()}; a wrapper passes
     * them through its own rules as it does applied events (so a filter may keep them back, released through
     * {@link #onLate}). A translator whose upstream ended without saying how it finished (no `finishReason`, stop
     * reason, `response.completed`, `finish_reason`) answers the client surface's error event (the answer was cut);
     * one whose upstream finished and only left out its last event (`message_stop`, `[DONE]`) answers the surface's
     * normal end; one whose stream ended itself answers null.
     */
    default Buffer finish() {
        return null;
    }

    /** Bytes that end the client's stream after its last event (a JSON array's `]`), or null for none. */
    default Buffer close() {
        return null;
    }

    /** The gateway's own error event for a stream that broke off, framed for the client (as is by default). */
    default Buffer failed(Buffer errorEvent) {
        return errorEvent;
    }
}
