package io.aigw.gateway.proxy;

import io.aigw.gateway.routing.ModelAddress;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.translate.StreamTransform;
import io.aigw.gateway.translate.Translation;
import io.aigw.gateway.translate.Translations;
import io.vertx.core.buffer.Buffer;

/**
 * What one request sends to each model it attempts, and how that model's answer comes back to the client:
 * the client's body with `model` rewritten (and `models` and unsupported parameters stripped, stream usage
 * asked for; on Gemini's surface `model` and `stream` removed, as they travel in the URL), or its translation when the model serves another surface (package `translate`). The last
 * payload is kept, so retries and further keys of one model reuse it.
 */
final class AttemptPayloads {

    private final Surface surface;
    private final RequestBody body;
    private final Translations translations;
    private ModelAddress payloadFor;
    private Buffer payload;

    AttemptPayloads(Surface surface, RequestBody body, Translations translations) {
        this.surface = surface;
        this.body = body;
        this.translations = translations;
    }

    Buffer payload(ModelAddress address) {
        if (address != payloadFor) {
            Translation translation = translation(address);
            if (translation != null) {
                payload = translation.forModel(address.upstreamModelId(), address.unsupportedParameters());
            } else if (surface == Surface.GENERATE_CONTENT) { // model and streaming go in the URL
                payload = body.without(geminiDropped(address.unsupportedParameters()));
            } else {
                payload = body.rewrite(address.upstreamModelId(), address.unsupportedParameters(), asksUsage(address));
            }
            payloadFor = address;
        }
        return payload;
    }

    private static java.util.Set<String> geminiDropped(java.util.Set<String> strip) {
        java.util.Set<String> drop = new java.util.HashSet<>(strip);
        drop.add("model");
        drop.add("models");
        drop.add("stream");
        return drop;
    }

    /** The translation for attempts at this model; null when it serves the client's surface (native). */
    Translation translation(ModelAddress address) {
        return translations.get(address.upstreamSurface(surface));
    }

    /** How a stream from this model is rewritten for the client: translated, or relayed as is (null). */
    StreamTransform streamTransform(ModelAddress address) {
        Translation translation = translation(address);
        return translation == null ? null : translation.stream(address.provider().id());
    }

    /** Whether a stream from this model carries a usage chunk the client did not ask for: the relay drops it. */
    boolean dropsUsageChunk(ModelAddress address) {
        return translation(address) == null && asksUsage(address);
    }

    /**
     * Whether the gateway asks upstream for stream usage the client did not ask for (OpenAI-format streams
     * report usage only when `stream_options.include_usage` is set): its usage chunk is then dropped.
     */
    private boolean asksUsage(ModelAddress address) {
        Surface upstream = address.upstreamSurface(surface);
        return body.stream() && !body.includeUsage()
                && (upstream == Surface.CHAT_COMPLETIONS || upstream == Surface.COMPLETIONS)
                && !address.unsupportedParameters().contains("stream_options");
    }
}
