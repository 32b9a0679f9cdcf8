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
        if (!UsageExtractor.mentionsUsageObject(events, 0, events.length())) {
            return events;
        }
        Buffer out = Buffer.buffer(events.length());
        int start = 0;
        int length = events.length();
        while (start < length) {
            int end = eventEnd(events, start);
            if (!isUsageChunk(events, start, end)) {
                out.appendBuffer(events, start, end - start);
            }
            start = end;
        }
        return out;
    }

    /** The index just past the event starting at {@code from} (its blank line), or the buffer's end. */
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

    private static boolean isUsageChunk(Buffer events, int start, int end) {
        if (!UsageExtractor.mentionsUsageObject(events, start, end)) {
            return false;
        }
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
