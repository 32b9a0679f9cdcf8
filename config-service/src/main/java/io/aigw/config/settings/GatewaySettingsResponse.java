package io.aigw.config.settings;

import io.aigw.config.configuration.Limits;
import java.time.Instant;

/** The gateway settings as the admin API, the events and the snapshot show them. */
public record GatewaySettingsResponse(String attemptTimeout, String totalTimeout, int maxAttempts,
        long maxBodyBytes, Long maxInputTokens, Long maxOutputTokens, Limits defaultLimits, String limitsFailMode,
        String firewallPolicyId, Cooldown cooldown, long version, Instant updatedAt) {

    static GatewaySettingsResponse of(GatewaySettingsDocument d, long version, Instant updatedAt) {
        return new GatewaySettingsResponse(d.attemptTimeout(), d.totalTimeout(), d.maxAttempts(), d.maxBodyBytes(),
                d.maxInputTokens(), d.maxOutputTokens(), d.defaultLimits(), d.limitsFailMode(), d.firewallPolicyId(),
                d.cooldownOrDefaults(),
                version, updatedAt);
    }
}
