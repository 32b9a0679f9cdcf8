package io.aigw.gateway.translate;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.gateway.provider.UpstreamErrorTranslator;
import io.vertx.core.buffer.Buffer;

/**
 * The frame every translation of a `chat.completion.chunk` stream into another surface's stream shares: the SSE
 * events are read one at a time; `data: [DONE]` → {@link #end}; an error chunk → {@link #error} with the provider's
 * message scrubbed and prefixed; any other chunk → {@link #chunk}; after the end or an error, nothing more. Data that
 * is not JSON is skipped. An upstream that ends without `[DONE]` ({@link #finish}) is ended as `[DONE]` would when it
 * sent a `finish_reason`, else with an error event: the answer was cut.
 */
abstract class ChatChunkStream implements StreamTransform {

    protected final String provider;
    private boolean ended;
    private boolean finished;

    protected ChatChunkStream(String provider) {
        this.provider = provider;
    }

    @Override
    public final Buffer apply(Buffer events) {
        Buffer out = Buffer.buffer(outputCapacity(events.length()));
        SseEvents.forEach(events, (name, data) -> read(data, out));
        return out;
    }

    @Override
    public final Buffer finish() {
        if (ended) {
            return null;
        }
        ended = true;
        Buffer out = Buffer.buffer(256);
        if (finished) {
            end(out);
        } else {
            error(streamFailure(provider, "the stream ended without a finish_reason."), out);
        }
        return out;
    }

    /** A chunk that is neither the end nor an error. */
    protected abstract void chunk(JsonNode chunk, Buffer out);

    /** `data: [DONE]`: close what is open, then the surface's own end events. */
    protected abstract void end(Buffer out);

    /** An error chunk, as the surface's error event; {@code message} is already scrubbed and prefixed. */
    protected abstract void error(String message, Buffer out);

    /** How many bytes to reserve for the translation of {@code inputLength} bytes of chunks. */
    protected int outputCapacity(int inputLength) {
        return inputLength + 128;
    }

    /**
     * The message of a stream that failed after its start: the provider's message scrubbed, prefixed once (a
     * translation through chat sees the prefix of the first step already).
     */
    static String streamFailure(String provider, String upstreamMessage) {
        String prefix = "Provider \"" + provider + "\" failed during the stream: ";
        return upstreamMessage.startsWith(prefix) ? upstreamMessage : prefix + UpstreamErrorTranslator.scrub(upstreamMessage, null);
    }

    private void read(String data, Buffer out) {
        if (ended) {
            return;
        }
        if ("[DONE]".equals(data.trim())) {
            ended = true;
            end(out);
            return;
        }
        JsonNode json = TranslatedBody.event(data);
        if (json == null) {
            return;
        }
        if (json.path("error").isObject()) {
            ended = true;
            error(streamFailure(provider, json.get("error").path("message").asText("stream error")), out);
            return;
        }
        finished |= json.path("choices").path(0).path("finish_reason").isTextual();
        chunk(json, out);
    }
}
