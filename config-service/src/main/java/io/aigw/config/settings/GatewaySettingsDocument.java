package io.aigw.config.settings;

import io.aigw.config.configuration.Limits;

/**
 * The gateway settings as stored and published. Durations are ISO-8601 strings; a null token
 * maximum means none. {@code firewallPolicyId} (null = none) is the baseline firewall policy, applied to every
 * request before the policies of the key's configuration.
 */
public record GatewaySettingsDocument(String attemptTimeout, String totalTimeout, int maxAttempts,
        long maxBodyBytes, Long maxInputTokens, Long maxOutputTokens, Limits defaultLimits, String limitsFailMode,
        String firewallPolicyId, Cooldown cooldown) {

    public static final GatewaySettingsDocument DEFAULTS = new GatewaySettingsDocument(
            "PT1M", "PT2M", 10, 10L * 1024 * 1024, null, null, Limits.NONE, "open", null, Cooldown.DEFAULTS);

    /** The cooldown thresholds; documents stored before they existed have none: the defaults. */
    public Cooldown cooldownOrDefaults() {
        return cooldown == null ? Cooldown.DEFAULTS : cooldown.withDefaults();
    }
}
