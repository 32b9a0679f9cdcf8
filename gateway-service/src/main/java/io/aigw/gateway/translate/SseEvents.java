package io.aigw.gateway.translate;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Splits server-sent events into their `event:` name and joined `data:` lines; writes `data:` events; finds where
 * events end (a blank line: `\n\n` or `\n\r\n`) for the relay, its usage sniffer and the stream filters, each search
 * by Netty's indexOf from one newline to the next.
 */
public final class SseEvents {

    private SseEvents() {
    }

    /**
     * The index just past the first event end in {@code events[from..to)} (its blank line, which lies wholly in that
     * range), or {@code to} when the event runs to it.
     */
    public static int eventEnd(Buffer events, int from, int to) {
        ByteBuf bytes = events.getByteBuf();
        int i = from + 1;
        while (i < to) {
            int nl = bytes.indexOf(i, to, (byte) '\n');
            if (nl < 0) {
                break;
            }
            if (endsEvent(bytes, nl, from)) {
                return nl + 1;
            }
            i = nl + 1;
        }
        return to;
    }

    /** Where the event holding {@code at} starts: just past the last event end before it, or 0. */
    public static int eventStart(Buffer events, int at) {
        ByteBuf bytes = events.getByteBuf();
        for (int i = at - 1; i >= 1; i--) {
            if (bytes.getByte(i) == '\n' && endsEvent(bytes, i, 0)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * The index just past the last event end in {@code events[from..to)}, or -1 when there is none. Its blank line may
     * start before {@code from}: a scan resumed where the last one stopped, backed off by 3, finds an end split across
     * reads, and looks at each byte once.
     */
    public static int lastEventEnd(Buffer events, int from, int to) {
        ByteBuf bytes = events.getByteBuf();
        int found = -1;
        int i = Math.max(1, from);
        while (i < to) {
            int nl = bytes.indexOf(i, to, (byte) '\n');
            if (nl < 0) {
                break;
            }
            if (endsEvent(bytes, nl, 0)) {
                found = nl + 1;
            }
            i = nl + 1;
        }
        return found;
    }

    /** Whether the newline at {@code nl} ends a blank line (`\n\n`, `\n\r\n`) that starts at {@code floor} or later. */
    private static boolean endsEvent(ByteBuf bytes, int nl, int floor) {
        if (nl - 1 < floor) {
            return false;
        }
        byte before = bytes.getByte(nl - 1);
        return before == '\n' || (before == '\r' && nl - 2 >= floor && bytes.getByte(nl - 2) == '\n');
    }

    /** Calls {@code each(name, data)} for every event with data (name null when absent); comments skipped. */
    public static void forEach(Buffer events, BiConsumer<String, String> each) {
        String text = events.toString(StandardCharsets.UTF_8);
        String name = null;
        StringBuilder data = null;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            if (line.isEmpty()) {
                if (data != null) {
                    each.accept(name, data.toString());
                }
                name = null;
                data = null;
            } else if (line.startsWith("data:")) {
                String value = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            }
            start = end + 1;
        }
        if (data != null) {
            each.accept(name, data.toString());
        }
    }

    /** Appends `data: <json>\n\n`. */
    public static void appendData(Buffer out, byte[] json) {
        out.appendString("data: ").appendBytes(json).appendString("\n\n");
    }
}
