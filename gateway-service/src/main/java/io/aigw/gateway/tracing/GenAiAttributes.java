package io.aigw.gateway.tracing;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.aigw.gateway.routing.Surface;
import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The span attributes the gateway writes: the OpenTelemetry GenAI semantic conventions (`gen_ai.*`) and AIGW's own
 * (`aigw.*`). Ids, names, counts and money only: never a secret, and prompt or answer text only in the two opt-in
 * message attributes, when an operator turns content capture on.
 */
public final class GenAiAttributes {

    public static final AttributeKey<String> OPERATION = stringKey("gen_ai.operation.name");
    public static final AttributeKey<String> PROVIDER = stringKey("gen_ai.provider.name");
    public static final AttributeKey<String> REQUEST_MODEL = stringKey("gen_ai.request.model");
    public static final AttributeKey<String> RESPONSE_MODEL = stringKey("gen_ai.response.model");
    public static final AttributeKey<Long> INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
    public static final AttributeKey<Long> OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
    public static final AttributeKey<List<String>> FINISH_REASONS = stringArrayKey("gen_ai.response.finish_reasons");
    /** Opt-in (content capture): the messages sent, as the conventions' JSON message list. */
    public static final AttributeKey<String> INPUT_MESSAGES = stringKey("gen_ai.input.messages");
    /** Opt-in (content capture): the answer's text, as the conventions' JSON message list. */
    public static final AttributeKey<String> OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
    public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
    public static final AttributeKey<Long> HTTP_STATUS = longKey("http.response.status_code");
    public static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
    public static final AttributeKey<Long> SERVER_PORT = longKey("server.port");

    public static final AttributeKey<String> REQUEST_ID = stringKey("aigw.request.id");
    public static final AttributeKey<Long> ATTEMPT = longKey("aigw.attempt");
    public static final AttributeKey<Long> ATTEMPTS = longKey("aigw.attempts");
    public static final AttributeKey<String> FAILOVER_ACTION = stringKey("aigw.failover.action");
    public static final AttributeKey<String> ACCESS_KEY = stringKey("aigw.access_key.public_id");
    public static final AttributeKey<String> CONFIGURATION = stringKey("aigw.configuration.id");
    public static final AttributeKey<String> PROVIDER_KEY = stringKey("aigw.provider_key.id");
    public static final AttributeKey<String> SERVED_MODEL = stringKey("aigw.served_model");
    public static final AttributeKey<String> SURFACE = stringKey("aigw.surface");
    /** Exact, as a decimal string (money is never a double in AIGW). */
    public static final AttributeKey<String> COST_USD = stringKey("aigw.cost_usd");
    public static final AttributeKey<String> COST_SOURCE = stringKey("aigw.cost_source");
    public static final AttributeKey<Long> TIME_TO_FIRST_TOKEN_MS = longKey("aigw.time_to_first_token_ms");
    public static final AttributeKey<Boolean> STREAMING = AttributeKey.booleanKey("aigw.streaming");

    private GenAiAttributes() {
    }

    /** `gen_ai.operation.name` of a client surface (the semantic conventions' well-known values). */
    public static String operation(Surface surface) {
        return switch (surface) {
            case COMPLETIONS -> "text_completion";
            case EMBEDDINGS -> "embeddings";
            case GENERATE_CONTENT -> "generate_content";
            default -> "chat";
        };
    }
}
