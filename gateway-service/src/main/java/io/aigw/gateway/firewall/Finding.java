package io.aigw.gateway.firewall;

/**
 * One rule that matched: which policy and rule, its tier, what was done and where. Never the matched text.
 * {@code type} is the detector's placeholder type for pii rules, else null.
 */
public record Finding(String policyId, String policyName, String ruleId, Tier tier, Action action, Target target,
        String type) {

    /** The user-facing reason of a block: names the policy, the rule and where it matched, never what. */
    public String reason() {
        return "Blocked by firewall policy \"" + policyName + "\" (" + policyId + "), rule \"" + ruleId + "\""
                + (type == null ? "" : " (" + type.toLowerCase(java.util.Locale.ROOT) + ")")
                + " on " + target.id() + (target == Target.TOOL_CALL || target == Target.TOOL_DEFINITION ? "." : " text.");
    }
}
