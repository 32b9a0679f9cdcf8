package io.aigw.config.settings;

import java.math.BigDecimal;

/**
 * When the gateway skips a failing backend: {@code failures} failures (429, 408, 5xx, timeouts, connection errors) of
 * one provider key × model within {@code window} cool it down for {@code duration}; {@code providerFailures} failures
 * of a provider's backends within the window cool the provider down. {@code failures} 0 turns cooldowns off,
 * {@code providerFailures} 0 the provider-wide one. Durations are ISO-8601. The retry budget: over the last 10 s, a
 * replica's attempts after a request's first stay within {@code retryRatio} × requests + {@code minRetriesPerSecond}
 * × 10 (null = the defaults, for documents stored before they existed).
 */
public record Cooldown(int failures, String window, String duration, int providerFailures, BigDecimal retryRatio,
        Integer minRetriesPerSecond) {

    public static final BigDecimal DEFAULT_RETRY_RATIO = new BigDecimal("0.2");
    public static final int DEFAULT_MIN_RETRIES_PER_SECOND = 10;
    public static final Cooldown DEFAULTS = new Cooldown(3, "PT30S", "PT30S", 10, DEFAULT_RETRY_RATIO,
            DEFAULT_MIN_RETRIES_PER_SECOND);

    /** With the retry budget's defaults filled in where a stored document has none. */
    public Cooldown withDefaults() {
        return retryRatio != null && minRetriesPerSecond != null ? this : new Cooldown(failures, window, duration,
                providerFailures, retryRatio == null ? DEFAULT_RETRY_RATIO : retryRatio,
                minRetriesPerSecond == null ? DEFAULT_MIN_RETRIES_PER_SECOND : minRetriesPerSecond);
    }
}
