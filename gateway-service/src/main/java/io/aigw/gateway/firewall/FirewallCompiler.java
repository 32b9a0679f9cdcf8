package io.aigw.gateway.firewall;

import com.google.re2j.Pattern;
import io.aigw.gateway.firewall.FirewallPolicyDoc.RuleDoc;
import io.aigw.gateway.firewall.pii.PiiDetector;
import io.aigw.gateway.firewall.pii.PiiDetectors;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles published policies once per snapshot, and picks the policies of each configuration. Throws
 * {@link IllegalArgumentException} on anything it cannot enforce, so that the snapshot is rejected and the previous
 * one keeps serving (config-service validated the same rules at write time).
 */
public final class FirewallCompiler {

    private FirewallCompiler() {
    }

    public static Map<String, FirewallPolicy> compile(List<FirewallPolicyDoc> docs) {
        Map<String, FirewallPolicy> policies = new HashMap<>();
        for (FirewallPolicyDoc doc : docs) {
            if (doc.id() == null || doc.id().isBlank()) {
                throw new IllegalArgumentException("firewall policy id is missing");
            }
            List<FirewallRule> rules = new ArrayList<>();
            for (RuleDoc rule : doc.rules() == null ? List.<RuleDoc>of() : doc.rules()) {
                rules.add(rule(rule));
            }
            policies.put(doc.id(), new FirewallPolicy(doc.id(), doc.name() == null ? doc.id() : doc.name(),
                    "audit".equals(doc.mode()), !"allow".equals(doc.onError()), List.copyOf(rules)));
        }
        return Map.copyOf(policies);
    }

    /** The baseline (may be null) then the named policies; an unknown id makes the snapshot unusable. */
    public static Firewall select(Map<String, FirewallPolicy> compiled, String baseline, List<String> ids) {
        List<FirewallPolicy> chosen = new ArrayList<>();
        if (baseline != null) {
            chosen.add(require(compiled, baseline));
        }
        for (String id : ids == null ? List.<String>of() : ids) {
            FirewallPolicy policy = require(compiled, id);
            if (!chosen.contains(policy)) {
                chosen.add(policy);
            }
        }
        return chosen.isEmpty() ? Firewall.NONE : new Firewall(List.copyOf(chosen));
    }

    private static FirewallPolicy require(Map<String, FirewallPolicy> compiled, String id) {
        FirewallPolicy policy = compiled.get(id);
        if (policy == null) {
            throw new IllegalArgumentException("unknown firewall policy " + id);
        }
        return policy;
    }

    private static FirewallRule rule(RuleDoc doc) {
        FirewallRule.Kind kind = switch (String.valueOf(doc.kind())) {
            case "toolName" -> FirewallRule.Kind.TOOL_NAME;
            case "regex" -> FirewallRule.Kind.REGEX;
            case "pii" -> FirewallRule.Kind.PII;
            case "decision" -> FirewallRule.Kind.DECISION;
            default -> throw new IllegalArgumentException("unknown firewall rule kind " + doc.kind());
        };
        Set<Target> targets = EnumSet.noneOf(Target.class);
        List<String> given = doc.targets();
        if (given == null || given.isEmpty()) {
            given = kind == FirewallRule.Kind.TOOL_NAME ? List.of("toolCall")
                    : kind == FirewallRule.Kind.DECISION ? List.of("user") : List.of("user", "system", "toolResult");
        }
        given.forEach(t -> targets.add(Target.parse(t)));
        Pattern toolNames = kind == FirewallRule.Kind.TOOL_NAME ? FirewallRule.globs(nonEmpty(doc.patterns())) : null;
        Pattern regex = kind == FirewallRule.Kind.REGEX ? Pattern.compile(doc.pattern()) : null;
        List<PiiDetector> detectors = kind == FirewallRule.Kind.PII
                ? nonEmpty(doc.detectors()).stream().map(PiiDetectors::named).toList() : List.of();
        return new FirewallRule(doc.id(), kind, Tier.parse(doc.tier()), Action.parse(doc.action()),
                Set.copyOf(targets), toolNames, regex, regex == null ? null : RequiredLiterals.of(doc.pattern()), detectors,
                kind == FirewallRule.Kind.DECISION ? required(doc.statement(), "statement") : null,
                kind == FirewallRule.Kind.DECISION ? required(doc.model(), "model") : null);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("decision rule without a " + field);
        }
        return value;
    }

    private static List<String> nonEmpty(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("firewall rule without patterns or detectors");
        }
        return values;
    }
}
