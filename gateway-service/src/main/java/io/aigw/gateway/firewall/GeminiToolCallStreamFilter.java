package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.translate.SseEvents;
import io.aigw.gateway.translate.StreamTransform;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks the function calls of a Gemini {@code streamGenerateContent} stream (in the client's format). Gemini sends
 * each call whole, in one chunk, so nothing is held: a chunk with a blocked call goes out with that part replaced by
 * a text part holding the note; every other chunk passes as received.
 */
public final class GeminiToolCallStreamFilter implements StreamTransform {

    private static final byte[] FUNCTION_CALL = "\"functionCall\"".getBytes(StandardCharsets.UTF_8);

    private final Firewall firewall;
    private final StreamTransform inner;
    private final Consumer<List<Finding>> record;

    /** {@code inner}: the transform before this one (a translation), or null. */
    public GeminiToolCallStreamFilter(Firewall firewall, StreamTransform inner, Consumer<List<Finding>> record) {
        this.firewall = firewall;
        this.inner = inner;
        this.record = record;
    }

    @Override
    public Buffer apply(Buffer received) {
        Buffer events = inner == null ? received : inner.apply(received);
        if (!StreamEvents.contains(events, FUNCTION_CALL)) {
            return events;
        }
        Buffer out = Buffer.buffer(events.length() + 256);
        StreamEvents.forEach(events, event -> {
            JsonNode chunk = StreamEvents.data(event);
            if (chunk != null && GeminiToolCalls.filter(firewall, chunk, record)) {
                SseEvents.appendData(out, chunk.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                out.appendBuffer(event);
            }
        });
        return out;
    }
}
