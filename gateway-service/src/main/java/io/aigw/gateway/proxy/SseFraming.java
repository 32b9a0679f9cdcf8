package io.aigw.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * What one server-sent event is before a stream is committed: a preamble (role chunk, `message_start`, `ping`…),
 * content, or an error. Where events end is found by {@link io.aigw.gateway.translate.SseEvents}, which the stream
 * filters below this package share.
 */
final class SseFraming {

    enum Kind { PREAMBLE, CONTENT, ERROR }

    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final String[] PREAMBLE_EVENTS = {"message_start", "content_block_start", "ping",
            "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added"};

    private SseFraming() {
    }

    /** What the event in {@code buffer[start..end)} is; comments and blank events count as preamble. */
    static Kind classify(Buffer buffer, int start, int end) {
        String event = null;
        String data = null;
        int line = start;
        while (line < end) {
            int nl = buffer.getByteBuf().indexOf(line, end, (byte) '\n');
            int lineEnd = nl < 0 ? end : nl;
            if (startsWith(buffer, line, lineEnd, EVENT)) {
                event = buffer.getString(line + EVENT.length, lineEnd, "UTF-8").trim();
            } else if (data == null && startsWith(buffer, line, lineEnd, DATA)) {
                data = buffer.getString(line + DATA.length, Math.min(lineEnd, line + DATA.length + 4096), "UTF-8").trim();
            }
            line = lineEnd + 1;
        }
        if ("error".equals(event) || "response.failed".equals(event) || (data != null && (data.startsWith("{\"error\"")
                || data.startsWith("{\"type\":\"error\"") || data.startsWith("{\"type\": \"error\"")
                || data.startsWith("{\"type\":\"response.failed\"")))) {
            return Kind.ERROR; // Responses' `response.failed` before any content: the model failed, try the next
        }
        if (event != null) {
            for (String preamble : PREAMBLE_EVENTS) {
                if (preamble.equals(event)) {
                    return Kind.PREAMBLE;
                }
            }
        }
        if (data == null) {
            return event == null ? Kind.PREAMBLE : Kind.CONTENT;
        }
        return roleOnly(data) ? Kind.PREAMBLE : Kind.CONTENT;
    }

    /** An OpenAI chunk that only opens the assistant's turn: a role and empty content, no tool calls. */
    private static boolean roleOnly(String data) {
        if (!data.contains("\"role\"") || data.contains("\"tool_calls\"") || data.contains("\"finish_reason\":\"")) {
            return false;
        }
        int content = data.indexOf("\"content\"");
        if (content < 0) {
            return true;
        }
        String rest = data.substring(content + 9).replace(" ", "");
        return rest.startsWith(":\"\"") || rest.startsWith(":null");
    }

    private static boolean startsWith(Buffer buffer, int at, int end, byte[] prefix) {
        if (end - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.getByte(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
