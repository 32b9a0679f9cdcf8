package io.aigw.keys.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One upstream attempt as the gateway publishes it on {@code usage-events} (contracts.md "Usage event"),
 * and as the usage API returns it. Unknown fields are ignored so that the producer can add some. {@code costSource}
 * says whether the cost is the provider's own (`provider`) or computed from a price (`catalog`,
 * `provider-default`, `openrouter-import`), or `none` (no price: 0); null for events of older gateways. {@code traceId}:
 * the request's W3C trace id when the gateway traced it, else null. {@code firewall}: the firewall rules that matched
 * for this attempt (contracts.md), absent when none did. {@code skipped}: the candidates the request left out (a target
 * outside the access scope, a surface the request cannot be translated to, a backend cooling down, a spent retry
 * budget), absent when none was; {@code auto}: why `aigw/auto` chose, on the first attempt only. Events of older
 * gateways have neither. An event of attempt 0 (outcome {@code skipped}) is a request that made no attempt at all.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageEvent(UUID eventId, String requestId, String accessKeyId, String configurationId,
        String providerId, String modelId, String providerKeyId, String surface, int attempt,
        @JsonProperty("final") boolean isFinal, Integer status, String outcome, boolean streaming, UsageTokens tokens,
        BigDecimal costUsd, String costSource, Long latencyMs, Long timeToFirstTokenMs, Instant occurredAt,
        String traceId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FirewallDecision> firewall,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Skipped> skipped,
        @JsonInclude(JsonInclude.Include.NON_NULL) String auto) {

    /** A candidate the request did not try: model, provider key or null, reason code, words (contracts.md). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Skipped(String model, String providerKeyId, String reason, String detail) {
    }

    /** One firewall rule that matched: ids, tier, action, where, and the pii type; never the matched text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FirewallDecision(String policyId, String ruleId, String tier, String action, String target,
            String type) {
    }

    private static final java.util.regex.Pattern TRACE_ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");

    /** Whether the fields the ledger cannot do without are there. */
    boolean isComplete() {
        return eventId != null && requestId != null && !requestId.isBlank() && occurredAt != null;
    }

    /** The trace id as stored: 32 lowercase hex digits, anything else (or none) null. */
    String validTraceId() {
        return traceId != null && TRACE_ID.matcher(traceId).matches() ? traceId : null;
    }
}
