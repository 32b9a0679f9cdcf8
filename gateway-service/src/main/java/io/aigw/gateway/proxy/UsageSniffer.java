package io.aigw.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.translate.SseEvents;
import io.aigw.gateway.usage.UsageEvent;
import io.aigw.gateway.usage.UsageExtractor;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads `usage` from a relayed stream's events for metering and, for an OpenAI-format stream whose usage the gateway
 * asked for on its own (`stream_options.include_usage`, the client did not), drops the usage-only chunk
 * (`"choices":[]` with a `usage` object) in the same pass. One scan per burst, from one usage object to the next: OpenAI
 * streams asked for usage put `"usage":null` on every other chunk, and only `data:` lines with a usage object are
 * parsed, once each.
 */
final class UsageSniffer {

    private static final byte[] DATA = {'d', 'a', 't', 'a', ':'};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean dropUsageChunk;
    private UsageEvent.Tokens usage;

    /** {@code dropUsageChunk}: the gateway asked for the stream's usage, the client did not. */
    UsageSniffer(boolean dropUsageChunk) {
        this.dropUsageChunk = dropUsageChunk;
    }

    /** The usage read so far (merged over the stream's usage events), or null. */
    UsageEvent.Tokens usage() {
        return usage;
    }

    /**
     * Reads the usage of {@code events} (whole events, but for a last one cut off) and answers what to relay: {@code
     * events} itself, or a copy without the usage-only chunks when they are dropped.
     */
    Buffer read(Buffer events) {
        ByteBuf bytes = events.getByteBuf();
        int length = events.length();
        Buffer out = null;
        int copied = 0;
        int at = UsageExtractor.usageObjectAt(events, 0, length);
        while (at >= 0) {
            int line = at;
            while (line > 0 && bytes.getByte(line - 1) != '\n') {
                line--;
            }
            int lineEnd = bytes.indexOf(at, length, (byte) '\n');
            if (lineEnd < 0) {
                lineEnd = length;
            }
            boolean data = lineEnd - line > DATA.length && isData(bytes, line);
            boolean drop = false;
            if (data && dropUsageChunk) {
                byte[] json = events.getBytes(line + DATA.length, lineEnd);
                UsageExtractor.Chunk chunk = UsageExtractor.chunk(json, 0, json.length);
                merge(chunk.tokens());
                drop = chunk.parsed() ? chunk.usageOnly() : usageOnlyEvent(events, at, length);
            } else if (data) {
                byte[] json = events.getBytes(line + DATA.length, lineEnd);
                merge(UsageExtractor.fromJson(json, 0, json.length));
            } else if (dropUsageChunk) {
                drop = usageOnlyEvent(events, at, length);
            }
            if (drop && at >= copied) {
                int start = SseEvents.eventStart(events, at);
                if (out == null) {
                    out = Buffer.buffer(length);
                }
                out.appendBuffer(events, copied, start - copied);
                copied = SseEvents.eventEnd(events, at, length);
            }
            at = UsageExtractor.usageObjectAt(events, lineEnd, length);
        }
        if (out == null) {
            return events;
        }
        out.appendBuffer(events, copied, length - copied);
        return out;
    }

    private void merge(UsageEvent.Tokens seen) {
        if (seen != null) {
            usage = UsageExtractor.merge(usage, seen);
        }
    }

    /**
     * Whether the whole event holding {@code at} is only usage, its `data:` lines joined: for an event whose usage line
     * is not a JSON chunk of its own (data split over lines), which OpenAI does not send.
     */
    private static boolean usageOnlyEvent(Buffer events, int at, int length) {
        int start = SseEvents.eventStart(events, at);
        boolean[] usageOnly = {false};
        SseEvents.forEach(events.getBuffer(start, SseEvents.eventEnd(events, at, length)), (name, data) -> {
            try {
                JsonNode json = JSON.readTree(data.getBytes(StandardCharsets.UTF_8));
                JsonNode choices = json.path("choices");
                usageOnly[0] = json.path("usage").isObject() && choices.isArray() && choices.isEmpty();
            } catch (IOException e) {
                usageOnly[0] = false;
            }
        });
        return usageOnly[0];
    }

    private static boolean isData(ByteBuf bytes, int at) {
        for (int i = 0; i < DATA.length; i++) {
            if (bytes.getByte(at + i) != DATA[i]) {
                return false;
            }
        }
        return true;
    }
}
