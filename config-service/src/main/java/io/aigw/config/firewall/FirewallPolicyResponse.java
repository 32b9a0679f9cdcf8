package io.aigw.config.firewall;

import java.time.Instant;
import java.util.List;

/** A firewall policy as the admin API, the events and the snapshot show it. */
public record FirewallPolicyResponse(String id, String name, String description, String mode, String onError,
        List<FirewallPolicySpec.Rule> rules, long version, Instant createdAt, Instant updatedAt) {

    static FirewallPolicyResponse of(FirewallPolicy entity, FirewallPolicySpec spec) {
        return new FirewallPolicyResponse(entity.id, spec.name(), spec.description(), spec.mode(), spec.onError(),
                spec.rules(), entity.version, entity.createdAt, entity.updatedAt);
    }
}
