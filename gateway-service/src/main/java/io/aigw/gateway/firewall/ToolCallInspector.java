package io.aigw.gateway.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one tool call a model returned (its name and its arguments JSON) against the rules that read
 * {@code toolCall}. A call is passed or removed whole, never edited: on a tool call, {@code redact} acts as
 * {@code block}.
 */
public final class ToolCallInspector {

    private ToolCallInspector() {
    }

    /** The finding that blocks the call, or null; every match is added to {@code findings}. */
    public static Finding check(Firewall firewall, String name, String arguments, List<Finding> findings) {
        String text = text(name, arguments);
        for (FirewallPolicy policy : firewall.policies()) {
            Finding pending = null;
            for (FirewallRule rule : policy.rules()) {
                if (!rule.reads(Target.TOOL_CALL) || rule.kind() == FirewallRule.Kind.DECISION) {
                    continue;
                }
                String type = matches(rule, name, text);
                if (type == null) {
                    continue;
                }
                Action action = rule.tier() == Tier.ALLOW ? Action.ALLOW
                        : policy.audit() ? Action.AUDIT : rule.action() == Action.AUDIT ? Action.AUDIT : Action.BLOCK;
                Finding finding = new Finding(policy.id(), policy.name(), rule.id(), rule.tier(), action,
                        Target.TOOL_CALL, type.isEmpty() ? null : type);
                findings.add(finding);
                if (action == Action.ALLOW) {
                    pending = null;
                } else if (action == Action.BLOCK && rule.tier() == Tier.HARD_DENY) {
                    return finding;
                } else if (action == Action.BLOCK && pending == null) {
                    pending = finding;
                }
            }
            if (pending != null) {
                return pending;
            }
        }
        return null;
    }

    /** What the regex, pii and decision rules read of a call: its name, a line break, its arguments. */
    static String text(String name, String arguments) {
        return (name == null ? "" : name) + "\n" + (arguments == null ? "" : arguments);
    }

    /** "" for a match without a type, the pii type, or null for no match. */
    private static String matches(FirewallRule rule, String name, String text) {
        if (rule.kind() == FirewallRule.Kind.TOOL_NAME) {
            return rule.matchesToolName(name) ? "" : null;
        }
        List<Span> spans = new ArrayList<>(2);
        rule.find(text, spans);
        if (spans.isEmpty()) {
            return null;
        }
        return rule.kind() == FirewallRule.Kind.PII ? spans.get(0).type() : "";
    }

    /** The note that replaces a blocked call, for the model and the agent. */
    public static String note(String name, Finding blocked) {
        return "[AIGW firewall] The tool call \"" + name + "\" was blocked by firewall policy \"" + blocked.policyName()
                + "\" rule \"" + blocked.ruleId() + "\" and was not run. Continue without it or ask the user.";
    }
}
