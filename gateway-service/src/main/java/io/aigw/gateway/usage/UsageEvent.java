package io.aigw.gateway.usage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * One upstream attempt, as published on `usage-events` (contracts.md), keyed by access-key id. Carries
 * no secret: ids only. {@code status} is the upstream HTTP status, or 504 / 502 for an attempt that timed
 * out / could not connect. {@code costSource} says where {@code costUsd} came from: `provider` (the cost the
 * provider reported, e.g. OpenRouter's `usage.cost`), else the price it was computed at (`catalog`,
 * `provider-default`, `openrouter-import`), or `none` (no price known: cost 0). {@code traceId} is the W3C trace id of
 * the request's sampled trace, else null (tracing off or not sampled). {@code firewall}: the firewall rules that matched
 * for this attempt (the request side's on the request's first attempt, an answer's tool calls on the attempt that
 * answered); absent when none did. Never the matched text. {@code skipped}: the candidates left out before this attempt
 * (on the request's last attempt: also those left out after it), each with a stable reason code; absent when none was.
 * {@code auto}: why `aigw/auto` chose its candidates, on the request's first attempt only; absent otherwise.
 */
public record UsageEvent(String eventId, String requestId, String accessKeyId, String configurationId,
        String providerId, String modelId, String providerKeyId, String surface, int attempt,
        @JsonProperty("final") boolean isFinal, int status, String outcome,
        boolean streaming, Tokens tokens, BigDecimal costUsd, String costSource, long latencyMs,
        Long timeToFirstTokenMs, String occurredAt, String traceId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FirewallDecision> firewall,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Skipped> skipped,
        @JsonInclude(JsonInclude.Include.NON_NULL) String auto) {

    /**
     * A candidate the request did not try: the model (`provider:model`, or a virtual model's target as written), the
     * provider key of a skipped backend or null, {@code reason} ({@code outside_scope}, {@code not_served},
     * {@code not_in_catalog}, {@code untranslatable}, {@code cooling_down}, {@code retry_budget}) and the words.
     */
    public record Skipped(String model, String providerKeyId, String reason, String detail) {
    }

    /**
     * One firewall rule that matched: policy and rule ids, {@code tier} ({@code hardDeny}, {@code softDeny},
     * {@code allow}), {@code action} ({@code block}, {@code redact}, {@code audit}, {@code allow}), {@code target}
     * ({@code user}, {@code system}, {@code assistant}, {@code toolResult}, {@code toolDefinition}, {@code toolCall}),
     * {@code type} the pii detector's type ({@code EMAIL}) or null.
     */
    public record FirewallDecision(String policyId, String ruleId, String tier, String action, String target,
            String type) {
    }

    /**
     * Token counts. {@code input} counts every input token, cache reads ({@code cachedInput}) and cache writes
     * ({@code cacheWrite}: 5-minute, {@code cacheWrite1h}: 1-hour) included; {@code output} every output token,
     * {@code reasoning} included. {@code estimated} when the provider reported none and the gateway counted them.
     * {@code reportedCostUsd} is the provider's own cost of the attempt, when it said (not published here: it
     * becomes the event's {@code costUsd}).
     */
    public record Tokens(long input, long output, long cachedInput, long cacheWrite, long cacheWrite1h,
            long reasoning, boolean estimated, @JsonIgnore BigDecimal reportedCostUsd) {

        public static final Tokens NONE = new Tokens(0, 0, 0, 0, 0, 0, false, null);

        /** Counts without a reported cost (estimates, tests). */
        public static Tokens of(long input, long output, long cachedInput, long reasoning, boolean estimated) {
            return new Tokens(input, output, cachedInput, 0, 0, reasoning, estimated, null);
        }
    }
}
