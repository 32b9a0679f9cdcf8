package io.aigw.gateway.provider;

import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Masks the attempt's provider key in the error events a stream relays from its upstream, as
 * {@link UpstreamErrorTranslator} does for a non-streamed error body: every substring of
 * {@value UpstreamErrorTranslator#MIN_FRAGMENT} or more characters of the key becomes {@code [redacted]}. It runs on the
 * upstream's events before any other transform (a translation, the firewall's filter), only on reads that hold an
 * {@code error}; the rest pass untouched.
 */
public final class StreamKeyMask implements StreamTransform {

    private static final byte[] ERROR = "error".getBytes(StandardCharsets.US_ASCII);

    private final String key;
    private final StreamTransform next;

    /** {@code next}: the transforms after this one, or null. */
    public StreamKeyMask(String key, StreamTransform next) {
        this.key = key;
        this.next = next;
    }

    @Override
    public Buffer apply(Buffer events) {
        Buffer masked = mentionsError(events) ? mask(events) : events;
        return next == null ? masked : next.apply(masked);
    }

    private Buffer mask(Buffer events) {
        String text = events.toString(StandardCharsets.UTF_8);
        String masked = KeyFragments.mask(text, key, UpstreamErrorTranslator.MIN_FRAGMENT, "[redacted]");
        return masked == text ? events : Buffer.buffer(masked);
    }

    /**
     * Whether {@code error} occurs in the read. Runs on every relayed read: over a heap buffer (what Vert.x hands the
     * client's response handler) it is one tight loop over the array, a per-byte callback only otherwise (issue 19: the
     * callback's scan was 2.4 % of the gateway's CPU relaying streams).
     */
    static boolean mentionsError(Buffer events) {
        io.netty.buffer.ByteBuf buf = events.getByteBuf();
        if (buf.hasArray()) {
            byte[] a = buf.array();
            int end = buf.arrayOffset() + buf.writerIndex() - ERROR.length;
            for (int i = buf.arrayOffset() + buf.readerIndex(); i <= end; i++) {
                if (a[i] == 'e' && a[i + 1] == 'r' && a[i + 2] == 'r' && a[i + 3] == 'o' && a[i + 4] == 'r') {
                    return true;
                }
            }
            return false;
        }
        return buf.forEachByte(new io.netty.util.ByteProcessor() {
            private int matched;

            @Override
            public boolean process(byte value) {
                matched = value == ERROR[matched] ? matched + 1 : value == ERROR[0] ? 1 : 0;
                return matched < ERROR.length;
            }
        }) >= 0;
    }

    @Override
    public void onLate(Consumer<Buffer> late) {
        if (next != null) {
            next.onLate(late);
        }
    }

    @Override
    public Future<Void> drained() {
        return next == null ? Future.succeededFuture() : next.drained();
    }

    @Override
    public Buffer finish() { // made by the gateway from events already masked
        return next == null ? null : next.finish();
    }

    @Override
    public Buffer close() {
        return next == null ? null : next.close();
    }

    @Override
    public Buffer failed(Buffer errorEvent) {
        return next == null ? errorEvent : next.failed(errorEvent);
    }
}
