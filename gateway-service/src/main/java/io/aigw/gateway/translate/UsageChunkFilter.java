package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.usage.UsageExtractor;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Drops the usage chunk (`"choices":[]` with a `usage` object) of an OpenAI-format stream whose usage the
 * gateway asked for on its own (`stream_options.include_usage`) when the client did not. Everything else
 * passes as received; only events that carry a usage object are parsed.
 */
public final class UsageChunkFilter implements StreamTransform {

    @Override
    public Buffer apply(Buffer events) {
        int length = events.length();
        int at = UsageExtractor.usageObjectAt(events, 0, length);
        Buffer out = null;
        int copied = 0;
        while (at >= 0) { // from one usage object to the next: the events between them are not scanned again
            int start = eventStart(events, at);
            int end = eventEnd(events, at);
            if (isUsageChunk(events, start, end)) {
                if (out == null) {
                    out = Buffer.buffer(length);
                }
                out.appendBuffer(events, copied, start - copied);
                copied = end;
            }
            at = UsageExtractor.usageObjectAt(events, end, length);
        }
        if (out == null) {
            return events;
        }
        out.appendBuffer(events, copied, length - copied);
        return out;
    }

    /** Where the event holding {@code at} starts: just past the blank line before it, or the buffer's start. */
    private static int eventStart(Buffer events, int at) {
        ByteBuf bytes = events.getByteBuf();
        for (int i = at - 1; i >= 1; i--) {
            if (bytes.getByte(i) == '\n') {
                byte before = bytes.getByte(i - 1);
                if (before == '\n' || (before == '\r' && i >= 2 && bytes.getByte(i - 2) == '\n')) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /** The index just past the event holding {@code from} (its blank line), or the buffer's end. */
    private static int eventEnd(Buffer events, int from) {
        ByteBuf bytes = events.getByteBuf();
        int length = events.length();
        int i = from + 1;
        while (i < length && (i = bytes.indexOf(i, length, (byte) '\n')) >= 0) {
            byte before = bytes.getByte(i - 1);
            if (before == '\n' || (before == '\r' && i >= from + 2 && bytes.getByte(i - 2) == '\n')) {
                return i + 1;
            }
            i++;
        }
        return length;
    }

    /** Whether the event in {@code events[start..end)}, which holds a usage object, is only usage (no choices). */
    private static boolean isUsageChunk(Buffer events, int start, int end) {
        boolean[] usageOnly = {false};
        SseEvents.forEach(events.getBuffer(start, end), (name, data) -> {
            try {
                JsonNode json = OpenAiToAnthropicTranslator.MAPPER.readTree(data.getBytes(StandardCharsets.UTF_8));
                JsonNode choices = json.path("choices");
                usageOnly[0] = json.path("usage").isObject() && choices.isArray() && choices.isEmpty();
            } catch (IOException e) {
                usageOnly[0] = false;
            }
        });
        return usageOnly[0];
    }
}
