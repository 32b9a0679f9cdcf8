package io.aigw.gateway.translate;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Gemini's `streamGenerateContent` without `alt=sse`: the same chunks, framed as Google's API frames them, as one JSON
 * array written incrementally (`application/json`): `[` before the first chunk, `\n,\r\n` between chunks, `\n]` at
 * the end ({@link #close}); an error after the start is the array's last element (Google's error envelope), then `]`.
 * Wraps the client's whole stream transform (translation and firewall), whose `data:` events it re-frames, those it
 * makes at the upstream's end ({@link #finish}: a cut stream's error, the last chunk of a chat stream without
 * `[DONE]`) included.
 */
public final class GeminiJsonArrayStream implements StreamTransform {

    public static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    private static final byte[] SEPARATOR = "\n,\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The client's stream transform; null = the upstream's events as they are (a native Gemini stream). */
    private final StreamTransform inner;
    private boolean opened;
    private boolean closed;

    public GeminiJsonArrayStream(StreamTransform inner) {
        this.inner = inner;
    }

    @Override
    public Buffer apply(Buffer events) {
        return frame(inner == null ? events : inner.apply(events));
    }

    @Override
    public void onLate(Consumer<Buffer> late) {
        if (inner != null) {
            inner.onLate(events -> late.accept(frame(events)));
        }
    }

    @Override
    public Future<Void> drained() {
        return inner == null ? Future.succeededFuture() : inner.drained();
    }

    @Override
    public Buffer finish() {
        Buffer last = inner == null ? null : inner.finish();
        return last == null ? null : frame(last);
    }

    @Override
    public Buffer close() {
        if (closed) {
            return null;
        }
        Buffer last = inner == null ? null : inner.close();
        Buffer out = last == null ? Buffer.buffer(2) : frame(last);
        closed = true;
        return out.appendString(opened ? "\n]" : "[]");
    }

    @Override
    public Buffer failed(Buffer errorEvent) {
        Buffer out = frame(inner == null ? errorEvent : inner.failed(errorEvent));
        Buffer end = close();
        return end == null ? out : out.appendBuffer(end);
    }

    /** Each `data:` event's JSON as an array element; anything else (comments, `[DONE]`) is left out. */
    private Buffer frame(Buffer events) {
        if (closed || events.length() == 0) {
            return Buffer.buffer(0);
        }
        Buffer out = Buffer.buffer(events.length() + 8);
        SseEvents.forEach(events, (name, data) -> {
            String json = data.trim();
            if (json.isEmpty() || json.charAt(0) != '{') {
                return;
            }
            if (opened) {
                out.appendBytes(SEPARATOR);
            } else {
                out.appendByte((byte) '[');
                opened = true;
            }
            out.appendString(json);
        });
        return out;
    }
}
