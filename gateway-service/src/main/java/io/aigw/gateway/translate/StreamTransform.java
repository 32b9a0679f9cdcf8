package io.aigw.gateway.translate;

import io.vertx.core.buffer.Buffer;

/**
 * Rewrites a relayed stream event by event (a translation between formats, or a filter). Called on the
 * request's event loop with complete server-sent events only, in order; one instance per stream.
 */
public interface StreamTransform {

    /** The events to send for {@code events} (complete SSE events); may be empty. */
    Buffer apply(Buffer events);
}
