package io.aigw.config.firewall;

import java.time.Instant;
import java.util.UUID;

/** Event on {@code config-changes}, key {@code firewall-policy:<id>}; {@code data} is null on delete. */
public record FirewallPolicyChanged(UUID eventId, String kind, String type, String id, long version,
        Instant occurredAt, FirewallPolicyResponse data) {

    public static final String KIND = "firewall-policy";

    public static FirewallPolicyChanged of(String type, FirewallPolicyResponse data, Instant at) {
        return new FirewallPolicyChanged(UUID.randomUUID(), KIND, type, data.id(), data.version(), at, data);
    }

    public static FirewallPolicyChanged deleted(String id, long version, Instant at) {
        return new FirewallPolicyChanged(UUID.randomUUID(), KIND, "deleted", id, version, at, null);
    }

    public String key() {
        return KIND + ":" + id;
    }
}
