package io.aigw.keys.usage;

import java.math.BigDecimal;

/** Sums over a whole range. */
public record UsageTotals(long requests, long attempts, long inputTokens, long outputTokens, BigDecimal costUsd) {
}
