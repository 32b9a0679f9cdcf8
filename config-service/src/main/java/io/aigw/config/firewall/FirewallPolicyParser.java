package io.aigw.config.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.json.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Structural checks of a firewall policy body; every offending field is named in one 400 problem. */
public final class FirewallPolicyParser {

    /** Documented bound: rules per policy. */
    public static final int MAX_RULES = 50;
    static final Set<String> READ_ONLY = Set.of("id", "version", "createdAt", "updatedAt");
    private static final Set<String> FIELDS = Set.of("name", "description", "mode", "onError", "rules",
            "id", "version", "createdAt", "updatedAt");

    private FirewallPolicyParser() {
    }

    public static FirewallPolicySpec parse(JsonNode body) {
        JsonInput in = new JsonInput();
        if (!in.object(body, "")) {
            in.throwIfInvalid();
        }
        in.onlyFields(body, "", FIELDS);
        String name = in.string(body, "name", "/name", true, 100);
        if (name != null && (!name.equals(name.strip()) || name.chars().anyMatch(Character::isISOControl))) {
            in.error("/name", "must not start or end with whitespace nor contain control characters");
        }
        String description = in.string(body, "description", "/description", false, 2000);
        String mode = oneOf(in, body, "mode", "enforce", List.of("enforce", "audit"));
        String onError = oneOf(in, body, "onError", "block", List.of("block", "allow"));
        List<FirewallPolicySpec.Rule> rules = rules(in, JsonInput.present(body, "rules"));
        in.throwIfInvalid();
        return new FirewallPolicySpec(name, description, mode, onError, rules);
    }

    private static List<FirewallPolicySpec.Rule> rules(JsonInput in, JsonNode rules) {
        if (rules == null) {
            return List.of();
        }
        if (!rules.isArray() || rules.size() > MAX_RULES) {
            in.error("/rules", "must be an array of at most " + MAX_RULES + " rules");
            return List.of();
        }
        List<FirewallPolicySpec.Rule> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            FirewallPolicySpec.Rule rule = FirewallRuleParser.parse(in, rules.get(i), "/rules/" + i);
            if (rule != null && rule.id() != null && !ids.add(rule.id())) {
                in.error("/rules/" + i + "/id", "duplicate rule id \"" + rule.id() + "\"");
            }
            parsed.add(rule);
        }
        return parsed;
    }

    /** The field's value when it is one of {@code allowed}, {@code fallback} when absent. */
    static String oneOf(JsonInput in, JsonNode parent, String field, String fallback, List<String> allowed) {
        return oneOf(in, parent, field, "/" + field, fallback, allowed);
    }

    static String oneOf(JsonInput in, JsonNode parent, String field, String pointer, String fallback,
            List<String> allowed) {
        String value = in.string(parent, field, pointer, false, 40);
        if (value == null) {
            return JsonInput.present(parent, field) == null ? fallback : null;
        }
        if (!allowed.contains(value)) {
            in.error(pointer, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }
}
