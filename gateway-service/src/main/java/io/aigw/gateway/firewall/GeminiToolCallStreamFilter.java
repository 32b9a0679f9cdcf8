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
 * each call whole, in one chunk, so only a chunk with a call waits, for its verdicts: it goes out with a blocked call's
 * part replaced by a text part holding the note; every other chunk passes as received, in order.
 */
public final class GeminiToolCallStreamFilter extends ToolCallStreamFilter {

    /** {@code inner}: the transform before this one (a translation), or null. */
    public GeminiToolCallStreamFilter(ToolCallCheck check, StreamTransform inner, Consumer<List<Finding>> record) {
        super(check, inner, record, "\"functionCall\"");
    }

    @Override
    protected void event(Buffer event, JsonNode chunk) {
        after(TreeToolCalls.check(check, chunk, GeminiToolCalls::filter), (verdicts, out) -> {
            if (TreeToolCalls.apply(verdicts, chunk, GeminiToolCalls::filter, record)) {
                SseEvents.appendData(out, chunk.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                out.appendBuffer(event);
            }
        });
    }
}
