package io.aigw.config.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.aigw.kit.json.JsonInput;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks one firewall rule: its kind's fields, the RE2 pattern compiled at write time, the glob syntax. */
final class FirewallRuleParser {

    static final List<String> KINDS = List.of("toolName", "regex", "pii", "decision");
    static final List<String> TIERS = List.of("hardDeny", "softDeny", "allow");
    static final List<String> ACTIONS = List.of("block", "redact", "audit");
    static final List<String> TARGETS = List.of("user", "system", "assistant", "toolResult", "toolDefinition",
            "toolCall");
    static final List<String> DETECTORS = List.of("email", "phone", "creditCard", "iban", "ipAddress", "usSsn",
            "ukNino", "secret");
    /** Documented bounds. */
    static final int MAX_PATTERNS = 50;
    static final int MAX_PATTERN_LENGTH = 1000;
    private static final java.util.regex.Pattern RULE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final java.util.regex.Pattern GLOB = java.util.regex.Pattern.compile("[A-Za-z0-9._:/*?-]{1,200}");
    private static final Set<String> COMMON = Set.of("id", "kind", "tier", "action", "targets");

    private FirewallRuleParser() {
    }

    static FirewallPolicySpec.Rule parse(JsonInput in, JsonNode node, String at) {
        if (!in.object(node, at)) {
            return null;
        }
        String id = in.string(node, "id", at + "/id", true, 64);
        if (id != null && !RULE_ID.matcher(id).matches()) {
            in.error(at + "/id", "must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        String kind = FirewallPolicyParser.oneOf(in, node, "kind", at + "/kind", null, KINDS);
        if (kind == null) {
            if (JsonInput.present(node, "kind") == null) {
                in.error(at + "/kind", "is required");
            }
            return null;
        }
        String tier = FirewallPolicyParser.oneOf(in, node, "tier", at + "/tier", "hardDeny", TIERS);
        String action = FirewallPolicyParser.oneOf(in, node, "action", at + "/action", "block", ACTIONS);
        return switch (kind) {
            case "toolName" -> {
                in.onlyFields(node, at, with("patterns"));
                if ("redact".equals(action)) {
                    in.error(at + "/action", "a toolName rule can block or audit, not redact");
                }
                List<String> patterns = strings(in, node, "patterns", at, 200);
                for (int i = 0; patterns != null && i < patterns.size(); i++) {
                    if (patterns.get(i) != null && !GLOB.matcher(patterns.get(i)).matches()) {
                        in.error(at + "/patterns/" + i, "must be a glob of A-Z a-z 0-9 . _ : / - with * and ?");
                    }
                }
                yield new FirewallPolicySpec.Rule(id, kind, tier, action,
                        targets(in, node, at, List.of("toolCall"), List.of("toolCall", "toolDefinition")),
                        patterns, null, null, null, null);
            }
            case "regex" -> {
                in.onlyFields(node, at, with("pattern"));
                String pattern = in.string(node, "pattern", at + "/pattern", true, MAX_PATTERN_LENGTH);
                if (pattern != null) {
                    try {
                        Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                        in.error(at + "/pattern", "is not a valid RE2 pattern: " + e.getDescription());
                    }
                }
                yield new FirewallPolicySpec.Rule(id, kind, tier, action, targets(in, node, at, textTargets(), TARGETS),
                        null, pattern, null, null, null);
            }
            case "pii" -> {
                in.onlyFields(node, at, with("detectors"));
                List<String> detectors = strings(in, node, "detectors", at, 40);
                for (int i = 0; detectors != null && i < detectors.size(); i++) {
                    if (detectors.get(i) != null && !DETECTORS.contains(detectors.get(i))) {
                        in.error(at + "/detectors/" + i, "must be one of " + String.join(", ", DETECTORS));
                    }
                }
                yield new FirewallPolicySpec.Rule(id, kind, tier, action, targets(in, node, at, textTargets(), TARGETS),
                        null, null, detectors, null, null);
            }
            default -> {
                in.onlyFields(node, at, with("statement", "model"));
                String statement = in.string(node, "statement", at + "/statement", true, 2000);
                String model = in.string(node, "model", at + "/model", true, 400);
                yield new FirewallPolicySpec.Rule(id, kind, tier, action, targets(in, node, at, List.of("user"), TARGETS),
                        null, null, null, statement, model);
            }
        };
    }

    private static List<String> textTargets() {
        return List.of("user", "system", "toolResult");
    }

    private static List<String> targets(JsonInput in, JsonNode node, String at, List<String> fallback, List<String> allowed) {
        JsonNode given = JsonInput.present(node, "targets");
        if (given == null) {
            return fallback;
        }
        List<String> targets = in.strings(given, at + "/targets", allowed.size(), 40);
        if (targets == null) {
            return null;
        }
        if (targets.isEmpty()) {
            in.error(at + "/targets", "must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            if (target != null && (!allowed.contains(target) || !seen.add(target))) {
                in.error(at + "/targets/" + i, "must be one of " + String.join(", ", allowed) + ", each once");
            }
        }
        return targets;
    }

    private static List<String> strings(JsonInput in, JsonNode node, String field, String at, int maxLength) {
        JsonNode value = JsonInput.present(node, field);
        if (value == null) {
            in.error(at + "/" + field, "is required");
            return null;
        }
        List<String> list = in.strings(value, at + "/" + field, MAX_PATTERNS, maxLength);
        if (list != null && list.isEmpty()) {
            in.error(at + "/" + field, "must not be empty");
        }
        return list;
    }

    private static Set<String> with(String... fields) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(List.of(fields));
        return all;
    }
}
