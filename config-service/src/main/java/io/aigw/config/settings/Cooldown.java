package io.aigw.config.settings;

/**
 * When the gateway skips a failing backend: {@code failures} failures (429, 408, 5xx, timeouts, connection errors) of
 * one provider key × model within {@code window} cool it down for {@code duration}; {@code providerFailures} failures
 * of a provider's backends within the window cool the provider down. {@code failures} 0 turns cooldowns off,
 * {@code providerFailures} 0 the provider-wide one. Durations are ISO-8601.
 */
public record Cooldown(int failures, String window, String duration, int providerFailures) {

    public static final Cooldown DEFAULTS = new Cooldown(3, "PT30S", "PT30S", 10);
}
