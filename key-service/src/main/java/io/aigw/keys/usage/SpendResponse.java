package io.aigw.keys.usage;

import java.math.BigDecimal;
import java.time.Instant;

/** Month-to-date (UTC calendar month) spend of one access key, for budget checks. */
public record SpendResponse(String accessKeyId, String month, Instant from, BigDecimal costUsd, long requests) {
}
