package io.aigw.gateway.usage;

import java.math.BigDecimal;

/**
 * One upstream attempt, as published on `usage-events` (contracts.md), keyed by access-key id. Carries
 * no secret: ids only. {@code status} is the upstream HTTP status, or 504 / 502 for an attempt that timed
 * out / could not connect.
 */
public record UsageEvent(String eventId, String requestId, String accessKeyId, String configurationId,
        String providerId, String modelId, String providerKeyId, String surface, int attempt,
        @com.fasterxml.jackson.annotation.JsonProperty("final") boolean isFinal, int status, String outcome,
        boolean streaming, Tokens tokens, BigDecimal costUsd, long latencyMs, Long timeToFirstTokenMs,
        String occurredAt) {

    /** Token counts; {@code estimated} when the provider reported none and the gateway counted them. */
    public record Tokens(long input, long output, long cachedInput, long reasoning, boolean estimated) {

        public static final Tokens NONE = new Tokens(0, 0, 0, 0, false);
    }
}
