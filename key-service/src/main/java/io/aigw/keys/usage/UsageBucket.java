package io.aigw.keys.usage;

import java.math.BigDecimal;

/** One day (UTC, {@code yyyy-MM-dd}) of one group key: distinct requests, attempts, tokens and cost. */
public record UsageBucket(String day, String key, long requests, long attempts, long inputTokens, long outputTokens,
        BigDecimal costUsd) {
}
