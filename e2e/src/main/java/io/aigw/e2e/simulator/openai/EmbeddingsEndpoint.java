package io.aigw.e2e.simulator.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.e2e.simulator.content.TokenCount;
import io.aigw.e2e.simulator.exchange.Endpoint;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.exchange.Json;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * {@code POST /v1/embeddings}: one deterministic unit vector per input (seeded by the input's text), 8 dimensions
 * unless {@code dimensions} asks otherwise; {@code encoding_format: base64} gives little-endian float32 bytes.
 */
public final class EmbeddingsEndpoint implements Endpoint {

    static final int DEFAULT_DIMENSIONS = 8;

    private final OpenAiFlavor flavor;

    public EmbeddingsEndpoint(OpenAiFlavor flavor) {
        this.flavor = flavor;
    }

    @Override
    public void handle(Exchange exchange) {
        JsonNode json = exchange.json();
        JsonNode input = json.get("input");
        int dimensions = json.path("dimensions").asInt(DEFAULT_DIMENSIONS);
        boolean base64 = "base64".equals(json.path("encoding_format").asText());
        boolean single = !input.isArray() || (input.size() > 0 && input.get(0).isNumber());
        StringBuilder out = new StringBuilder(256).append("{\"object\":\"list\",\"data\":[");
        int count = single ? 1 : input.size();
        for (int i = 0; i < count; i++) {
            float[] vector = vector(single ? input.toString() : input.get(i).toString(), dimensions);
            out.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":");
            appendVector(out, vector, base64).append('}');
        }
        out.append("],\"model\":");
        Json.appendQuoted(out, exchange.model());
        if (exchange.behavior().usage()) {
            int tokens = TokenCount.prompt(input);
            out.append(",\"usage\":{\"prompt_tokens\":").append(tokens).append(",\"total_tokens\":").append(tokens);
            if (flavor == OpenAiFlavor.OPENROUTER) {
                out.append(",\"cost\":").append(OpenAiFlavor.cost(tokens, 0).toPlainString());
            }
            out.append('}');
        }
        exchange.responder().json(out.append('}').toString());
    }

    /** The unit vector for {@code text}: the same text always gives the same vector. */
    static float[] vector(String text, int dimensions) {
        SplittableRandom random = new SplittableRandom(text.hashCode());
        float[] vector = new float[Math.max(1, dimensions)];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static StringBuilder appendVector(StringBuilder out, float[] vector, boolean base64) {
        if (base64) {
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : vector) {
                bytes.putFloat(v);
            }
            return out.append('"').append(Base64.getEncoder().encodeToString(bytes.array())).append('"');
        }
        out.append('[');
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.append(']');
    }
}
