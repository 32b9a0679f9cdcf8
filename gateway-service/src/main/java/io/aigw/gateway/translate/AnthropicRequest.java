package io.aigw.gateway.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * A chat-completions request translated into an Anthropic messages body, translated once; each attempt
 * names its own model. {@code includeUsage} is what the client asked for in `stream_options`.
 */
public record AnthropicRequest(ObjectNode body, boolean stream, boolean includeUsage) {

    /** The bytes for one attempt: the provider's model id, the model's unsupported parameters removed. */
    public Buffer forModel(String upstreamModelId, Set<String> strip) {
        ObjectNode copy = body.deepCopy();
        copy.put("model", upstreamModelId);
        if (!strip.isEmpty()) {
            copy.remove(strip);
        }
        try {
            return Buffer.buffer(OpenAiToAnthropicTranslator.MAPPER.writeValueAsBytes(copy));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
