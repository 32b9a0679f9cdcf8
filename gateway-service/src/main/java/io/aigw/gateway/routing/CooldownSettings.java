package io.aigw.gateway.routing;

import java.time.Duration;

/**
 * When a backend is skipped (gateway settings `cooldown`): {@code failures} failures (429, 408, 5xx, timeouts,
 * connection errors) of one provider key × model within {@code window} cool it down for {@code duration};
 * {@code providerFailures} failures of any of a provider's backends within the window cool the whole provider down.
 * {@code failures} 0 turns cooldowns off. The retry budget ({@link RetryBudget}): retries within {@code retryRatio} ×
 * requests + {@code minRetriesPerSecond} per second over the last 10 s.
 */
public record CooldownSettings(int failures, Duration window, Duration duration, int providerFailures,
        double retryRatio, int minRetriesPerSecond) {

    public static final double DEFAULT_RETRY_RATIO = 0.2;
    public static final int DEFAULT_MIN_RETRIES_PER_SECOND = 10;
    public static final CooldownSettings DEFAULTS = new CooldownSettings(3, Duration.ofSeconds(30),
            Duration.ofSeconds(30), 10);
    public static final CooldownSettings OFF = new CooldownSettings(0, Duration.ofSeconds(30), Duration.ofSeconds(30), 0);

    /** With the retry budget's defaults. */
    public CooldownSettings(int failures, Duration window, Duration duration, int providerFailures) {
        this(failures, window, duration, providerFailures, DEFAULT_RETRY_RATIO, DEFAULT_MIN_RETRIES_PER_SECOND);
    }

    public boolean enabled() {
        return failures > 0;
    }
}
