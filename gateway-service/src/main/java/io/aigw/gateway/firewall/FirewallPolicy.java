package io.aigw.gateway.firewall;

import java.util.List;

/**
 * A compiled firewall policy. {@code audit}: matches are recorded, nothing is blocked or redacted.
 * {@code blockOnError}: when the policy cannot be applied (text over the scan bound), the request is refused.
 */
public record FirewallPolicy(String id, String name, boolean audit, boolean blockOnError, List<FirewallRule> rules) {

    /** The action a match of {@code rule} takes under this policy's mode. */
    Action effective(FirewallRule rule) {
        return audit ? Action.AUDIT : rule.action();
    }

    boolean reads(Target target) {
        for (FirewallRule rule : rules) {
            if (rule.reads(target) && rule.kind() != FirewallRule.Kind.DECISION) {
                return true;
            }
        }
        return false;
    }
}
