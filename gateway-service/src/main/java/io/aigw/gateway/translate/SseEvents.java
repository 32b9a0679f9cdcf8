package io.aigw.gateway.translate;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/** Splits server-sent events into their `event:` name and joined `data:` lines; writes `data:` events. */
public final class SseEvents {

    private SseEvents() {
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
