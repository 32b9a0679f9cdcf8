package io.aigw.config.snapshot;

import io.aigw.config.configuration.ConfigurationResponse;
import io.aigw.config.firewall.FirewallPolicyResponse;
import io.aigw.config.settings.GatewaySettingsResponse;
import java.time.Instant;
import java.util.List;

/**
 * Everything the gateway needs from this service at cold start. {@code version} is the outbox
 * sequence number of the last change included: follow {@code config-changes} from there.
 */
public record ConfigSnapshot(long version, Instant generatedAt, List<ConfigurationResponse> configurations,
        GatewaySettingsResponse settings, List<FirewallPolicyResponse> firewallPolicies) {
}
