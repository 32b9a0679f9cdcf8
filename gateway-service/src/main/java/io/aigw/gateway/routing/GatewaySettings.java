package io.aigw.gateway.routing;

import java.time.Duration;

/** The bounds of SPEC §1.4 and the body limit, from config-service's gateway settings. */
public record GatewaySettings(Duration attemptTimeout, Duration totalTimeout, int maxAttempts, long maxBodyBytes) {

    public static final GatewaySettings DEFAULTS =
            new GatewaySettings(Duration.ofSeconds(60), Duration.ofSeconds(120), 10, 10L * 1024 * 1024);
}
