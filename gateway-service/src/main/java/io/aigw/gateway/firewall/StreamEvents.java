package io.aigw.gateway.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.translate.SseEvents;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/** What the tool-call stream filters share: a cheap look for a marker, events one at a time, their data as JSON. */
final class StreamEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamEvents() {
    }

    /** Whether {@code events} hold the bytes of {@code needle} anywhere. */
    static boolean contains(Buffer events, byte[] needle) {
        byte[] bytes = events.getBytes();
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Calls {@code each} with every event of {@code events}, its blank line included, as received. */
    static void forEach(Buffer events, Consumer<Buffer> each) {
        int start = 0;
        while (start < events.length()) {
            int end = SseEvents.eventEnd(events, start, events.length());
            each.accept(events.getBuffer(start, end));
            start = end;
        }
    }

    /** The event's data as a JSON object; null for `[DONE]`, comments, or anything else. */
    static JsonNode data(Buffer event) {
        String[] data = {null};
        SseEvents.forEach(event, (n, d) -> data[0] = d);
        if (data[0] == null || data[0].isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(data[0]);
            return node.isObject() ? node : null;
        } catch (Exception e) {
            return null; // `[DONE]` too
        }
    }
}
