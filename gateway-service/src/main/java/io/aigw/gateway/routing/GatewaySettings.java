package io.aigw.gateway.routing;

import java.time.Duration;

/**
 * The bounds of SPEC §1.4, the body limit, the default limits of keys without a configuration (SPEC §2.4)
 * and what happens when Redis cannot be asked ({@code limitsFailOpen}), from config-service's gateway settings.
 * {@code maxOutputTokens} (null = none) bounds an attempt's output when neither request nor model does (budgets).
 * {@code cooldown}: when failing backends are skipped.
 */
public record GatewaySettings(Duration attemptTimeout, Duration totalTimeout, int maxAttempts, long maxBodyBytes,
        Limits defaultLimits, boolean limitsFailOpen, Long maxOutputTokens, CooldownSettings cooldown) {

    public static final GatewaySettings DEFAULTS = new GatewaySettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
            10, 10L * 1024 * 1024, Limits.NONE, true, null, CooldownSettings.DEFAULTS);
}
