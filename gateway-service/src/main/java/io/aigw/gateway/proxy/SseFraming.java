package io.aigw.gateway.proxy;

import io.vertx.core.buffer.Buffer;

/** Finds where the last complete server-sent event of a buffer ends (`\n\n` or `\r\n\r\n`). */
final class SseFraming {

    private SseFraming() {
    }

    /**
     * Whether {@code buffer} holds a complete event with a field other than a comment (`: keep-alive`
     * lines do not count: a stream is committed to the client only once a real event arrived).
     */
    static boolean hasEvent(Buffer buffer) {
        int complete = completeLength(buffer);
        boolean lineStart = true;
        for (int i = 0; i < complete; i++) {
            byte b = buffer.getByte(i);
            if (lineStart && b != ':' && b != '\n' && b != '\r') {
                return true;
            }
            lineStart = b == '\n';
        }
        return false;
    }

    /** The index just past the last event boundary in {@code buffer}, or 0 when there is none. */
    static int completeLength(Buffer buffer) {
        for (int i = buffer.length() - 1; i >= 1; i--) {
            if (buffer.getByte(i) == '\n') {
                byte before = buffer.getByte(i - 1);
                if (before == '\n' || (before == '\r' && i >= 2 && buffer.getByte(i - 2) == '\n')) {
                    return i + 1;
                }
            }
        }
        return 0;
    }
}
