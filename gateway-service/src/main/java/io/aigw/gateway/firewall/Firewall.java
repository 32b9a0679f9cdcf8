package io.aigw.gateway.firewall;

import java.util.List;

/**
 * The policies one request is checked against, in order: the gateway's baseline, then its configuration's.
 * Built once per snapshot and configuration.
 */
public record Firewall(List<FirewallPolicy> policies) {

    /** Documented bound: rules enforced per request (baseline 50 + 8 policies × 50 fit). */
    public static final int MAX_RULES_PER_REQUEST = 500;
    public static final Firewall NONE = new Firewall(List.of());

    public Firewall {
        int rules = policies.stream().mapToInt(p -> p.rules().size()).sum();
        if (rules > MAX_RULES_PER_REQUEST) {
            throw new IllegalArgumentException("more than " + MAX_RULES_PER_REQUEST + " firewall rules per request");
        }
    }

    public boolean isEmpty() {
        return policies.isEmpty();
    }

    /** Whether any rule reads the request (anything but tool calls). */
    public boolean inspectsRequests() {
        for (FirewallPolicy policy : policies) {
            for (Target target : Target.values()) {
                if (target != Target.TOOL_CALL && policy.reads(target)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any {@code decision} rule reads the request (its judge is then asked before any attempt). */
    public boolean judgesRequests() {
        for (FirewallPolicy policy : policies) {
            for (FirewallRule rule : policy.rules()) {
                if (rule.kind() == FirewallRule.Kind.DECISION && rule.targets().stream().anyMatch(t -> t != Target.TOOL_CALL)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any {@code decision} rule reads the tool calls a model returns (their judge is then asked per call). */
    public boolean judgesToolCalls() {
        for (FirewallPolicy policy : policies) {
            for (FirewallRule rule : policy.rules()) {
                if (rule.kind() == FirewallRule.Kind.DECISION && rule.reads(Target.TOOL_CALL)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any synchronous rule (not {@code decision}) reads the tool calls a model returns. */
    public boolean inspectsToolCalls() {
        return policies.stream().anyMatch(p -> p.reads(Target.TOOL_CALL));
    }
}
