package io.aigw.gateway.proxy;

import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.ModelAddress;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.translate.AnthropicRequest;
import io.aigw.gateway.translate.AnthropicStreamTranslator;
import io.aigw.gateway.translate.OpenAiToAnthropicTranslator;
import io.aigw.gateway.translate.StreamTransform;
import io.aigw.gateway.translate.UsageChunkFilter;
import io.vertx.core.buffer.Buffer;

/**
 * What one request sends to each model it attempts, and how that model's stream comes back to the client:
 * the client's body with `model` rewritten (and `models` and unsupported parameters stripped, stream usage
 * asked for), or its Anthropic translation for an Anthropic-only model of a chat-completions request. The
 * last payload is kept, so retries and further keys of one model reuse it.
 */
final class AttemptPayloads {

    private final Surface surface;
    private final RequestBody body;
    /**
     * The body translated for Anthropic-only models of a chat-completions request: built at the first attempt that
     * needs it (a fallback's translation never fails a request its primary model could serve), else null.
     */
    private AnthropicRequest translated;
    private GatewayException untranslatable;
    private ModelAddress payloadFor;
    private Buffer payload;

    AttemptPayloads(Surface surface, RequestBody body) {
        this.surface = surface;
        this.body = body;
    }

    /** The bytes to send to {@code address}; fails with the translator's error when this model needs a translation that fails. */
    Buffer payload(ModelAddress address) {
        if (address != payloadFor) {
            if (translates(address) && translated == null) {
                if (untranslatable != null) {
                    throw untranslatable;
                }
                try {
                    translated = OpenAiToAnthropicTranslator.translate(body.bytes(), body.length());
                } catch (GatewayException e) {
                    untranslatable = e;
                    throw e;
                }
            }
            payload = translates(address)
                    ? translated.forModel(address.upstreamModelId(), address.unsupportedParameters())
                    : body.rewrite(address.upstreamModelId(), address.unsupportedParameters(), asksUsage(address));
            payloadFor = address;
        }
        return payload;
    }

    /** Whether attempts at this model go to Anthropic's messages surface for a chat-completions request. */
    boolean translates(ModelAddress address) {
        return surface == Surface.CHAT_COMPLETIONS && address.upstreamSurface(surface) == Surface.MESSAGES;
    }

    /** How a stream from this model is rewritten for the client: translated, filtered, or relayed as is (null). */
    StreamTransform streamTransform(ModelAddress address) {
        if (translates(address)) {
            return new AnthropicStreamTranslator(translated.includeUsage(), address.provider().id());
        }
        return asksUsage(address) ? new UsageChunkFilter() : null;
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
