package io.aigw.gateway.proxy;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent-event framing: where events end (`\n\n` or `\r\n\r\n`), scanned forward from where the last scan
 * stopped (each byte once, however an event is split across reads), and what one event is before a stream is
 * committed: a preamble (role chunk, `message_start`, `ping`…), content, or an error.
 */
final class SseFraming {

    enum Kind { PREAMBLE, CONTENT, ERROR }

    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final String[] PREAMBLE_EVENTS = {"message_start", "content_block_start", "ping",
            "response.created", "response.in_progress", "response.output_item.added", "response.content_part.added"};

    private SseFraming() {
    }

    /**
     * The index just past the last event boundary in {@code buffer[from..length)}, or -1 when there is none. A
     * boundary whose first newline lies before {@code from} is still found if {@code from} is backed off by 3.
     */
    static int lastBoundary(Buffer buffer, int from, int length) {
        ByteBuf bytes = buffer.getByteBuf();
        int found = -1;
        int i = Math.max(1, from);
        while (i < length) {
            int nl = bytes.indexOf(i, length, (byte) '\n');
            if (nl < 0) {
                break;
            }
            if (nl >= 1) {
                byte before = bytes.getByte(nl - 1);
                if (before == '\n' || (before == '\r' && nl >= 2 && bytes.getByte(nl - 2) == '\n')) {
                    found = nl + 1;
                }
            }
            i = nl + 1;
        }
        return found;
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
