package io.aigw.gateway.routing;

import java.time.Duration;

/**
 * The bounds of SPEC §1.4, the body limit, the default limits of keys without a configuration (SPEC §2.4)
 * and what happens when Redis cannot be asked ({@code limitsFailOpen}), from config-service's gateway settings.
 */
public record GatewaySettings(Duration attemptTimeout, Duration totalTimeout, int maxAttempts, long maxBodyBytes,
        Limits defaultLimits, boolean limitsFailOpen) {

    public static final GatewaySettings DEFAULTS = new GatewaySettings(Duration.ofSeconds(60), Duration.ofSeconds(120),
            10, 10L * 1024 * 1024, Limits.NONE, true);
}
