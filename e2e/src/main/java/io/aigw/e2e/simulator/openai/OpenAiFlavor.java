package io.aigw.e2e.simulator.openai;

import io.aigw.e2e.simulator.exchange.Json;
import java.math.BigDecimal;

/**
 * The two speakers of the OpenAI wire format. OpenRouter differs in its ids, its stream keep-alive comment, its
 * usage (always streamed, always with {@code cost}) and its mid-stream error chunk.
 */
public enum OpenAiFlavor {

    OPENAI("chatcmpl-sim", null, false),
    OPENROUTER("gen-sim", ": OPENROUTER PROCESSING\n\n", true);

    /** USD per token, as gpt-4o-mini: $0.15 per million input, $0.60 per million output. */
    private static final BigDecimal INPUT_PRICE = new BigDecimal("0.00000015");
    private static final BigDecimal OUTPUT_PRICE = new BigDecimal("0.0000006");

    private final String completionIdPrefix;
    private final String keepAlive;
    private final boolean alwaysStreamsUsage;

    OpenAiFlavor(String completionIdPrefix, String keepAlive, boolean alwaysStreamsUsage) {
        this.completionIdPrefix = completionIdPrefix;
        this.keepAlive = keepAlive;
        this.alwaysStreamsUsage = alwaysStreamsUsage;
    }

    public String completionIdPrefix() {
        return completionIdPrefix;
    }

    /** Written with the stream's headers, before the first token; null for OpenAI. */
    public String keepAlive() {
        return keepAlive;
    }

    /** Whether a stream ends with a usage chunk; OpenAI only when {@code stream_options.include_usage}. */
    public boolean streamsUsage(boolean includeUsageAsked) {
        return alwaysStreamsUsage || includeUsageAsked;
    }

    /** The cost OpenRouter reports for these token counts. */
    public static BigDecimal cost(int promptTokens, int completionTokens) {
        return INPUT_PRICE.multiply(BigDecimal.valueOf(promptTokens))
                .add(OUTPUT_PRICE.multiply(BigDecimal.valueOf(completionTokens)));
    }

    public String usage(int promptTokens, int completionTokens) {
        StringBuilder out = new StringBuilder(256).append("{\"prompt_tokens\":").append(promptTokens)
                .append(",\"completion_tokens\":").append(completionTokens)
                .append(",\"total_tokens\":").append(promptTokens + completionTokens);
        if (this == OPENROUTER) {
            return out.append(",\"cost\":").append(cost(promptTokens, completionTokens).toPlainString())
                    .append(",\"is_byok\":false,\"prompt_tokens_details\":{\"cached_tokens\":0}")
                    .append(",\"completion_tokens_details\":{\"reasoning_tokens\":0}}").toString();
        }
        return out.append(",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0}")
                .append(",\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,")
                .append("\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}").toString();
    }

    /** The event a stream that fails after it started ends with (no {@code [DONE]} after it). */
    public String midStreamError(String id, long created, String model, String object) {
        if (this == OPENROUTER) {
            return "data: {\"id\":" + Json.quote(id) + ",\"object\":\"" + object + "\",\"created\":" + created
                    + ",\"model\":" + Json.quote(model) + ",\"provider\":\"Simulator\",\"error\":{\"code\":502,"
                    + "\"message\":\"Provider returned error\"},\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
                    + "\"finish_reason\":\"error\",\"native_finish_reason\":\"error\"}]}\n\n";
        }
        return "data: {\"error\":{\"message\":\"The server had an error while processing your request. Sorry about"
                + " that!\",\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n";
    }
}
