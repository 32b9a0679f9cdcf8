package io.aigw.config.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.config.configuration.ConfigurationSpec.AccessScope;
import io.aigw.config.configuration.ConfigurationSpec.AllowList;
import io.aigw.config.configuration.ConfigurationSpec.RouterSpec;
import io.aigw.config.configuration.ConfigurationSpec.RoutingRule;
import io.aigw.config.configuration.ConfigurationSpec.RoutingStep;
import io.aigw.kit.json.JsonInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Structural checks of a configuration body (types, required fields, unknown fields, ranges).
 * References to providers, models and keys are checked afterwards by {@link ReferenceChecker}.
 */
public final class ConfigurationParser {

    static final Set<String> READ_ONLY = Set.of("id", "version", "createdAt", "updatedAt", "accessKeyCount");
    static final Set<String> WRITABLE = Set.of("name", "description", "metadata", "access", "router", "limits",
            "firewall");
    private static final Set<String> TOP = union(WRITABLE, READ_ONLY);
    private static final int MAX_RULES = 200;
    private static final int MAX_ENTRIES = 500;
    /** Documented bound: firewall policies per configuration. */
    public static final int MAX_FIREWALL_POLICIES = 8;

    private ConfigurationParser() {
    }

    /** Parses a whole configuration; throws a validation problem naming every offending field. */
    public static ConfigurationSpec parse(JsonNode body) {
        JsonInput in = new JsonInput();
        if (!in.object(body, "")) {
            in.throwIfInvalid();
        }
        in.onlyFields(body, "", TOP);
        String name = in.string(body, "name", "/name", true, 100);
        if (name != null && !name.equals(name.strip())) {
            in.error("/name", "must not start or end with whitespace");
        }
        if (name != null && name.chars().anyMatch(Character::isISOControl)) {
            in.error("/name", "must not contain control characters");
        }
        String description = in.string(body, "description", "/description", false, 2000);
        JsonNode metadata = JsonInput.present(body, "metadata");
        if (metadata != null && in.object(metadata, "/metadata") && metadata.toString().length() > 16_384) {
            in.error("/metadata", "must be at most 16 KiB of JSON");
        }
        AccessScope access = access(in, JsonInput.present(body, "access"));
        RouterSpec router = router(in, JsonInput.present(body, "router"));
        Limits limits = Limits.read(in, body.get("limits"), "/limits", true);
        ConfigurationSpec.FirewallRef firewall = firewall(in, JsonInput.present(body, "firewall"));
        in.throwIfInvalid();
        return new ConfigurationSpec(name, description, metadata, access, router, limits, firewall);
    }

    private static ConfigurationSpec.FirewallRef firewall(JsonInput in, JsonNode node) {
        if (node == null || !in.object(node, "/firewall")) {
            return null;
        }
        in.onlyFields(node, "/firewall", Set.of("policies"));
        JsonNode policies = JsonInput.present(node, "policies");
        if (policies == null) {
            return new ConfigurationSpec.FirewallRef(List.of());
        }
        List<String> ids = in.strings(policies, "/firewall/policies", MAX_FIREWALL_POLICIES, 40);
        if (ids == null) {
            return null;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && ids.indexOf(ids.get(i)) < i) {
                in.error("/firewall/policies/" + i, "duplicate firewall policy \"" + ids.get(i) + "\"");
            }
        }
        return new ConfigurationSpec.FirewallRef(ids);
    }

    private static AccessScope access(JsonInput in, JsonNode node) {
        if (node == null || !in.object(node, "/access")) {
            return AccessScope.UNRESTRICTED;
        }
        in.onlyFields(node, "/access", Set.of("providers", "models"));
        return new AccessScope(allowList(in, node, "providers"), allowList(in, node, "models"));
    }

    private static AllowList allowList(JsonInput in, JsonNode access, String dimension) {
        JsonNode node = JsonInput.present(access, dimension);
        String pointer = "/access/" + dimension;
        if (node == null || !in.object(node, pointer)) {
            return null;
        }
        in.onlyFields(node, pointer, Set.of("allow"));
        List<String> allow = in.strings(node.get("allow"), pointer + "/allow", MAX_ENTRIES, 400);
        return allow == null ? null : new AllowList(allow);
    }

    private static RouterSpec router(JsonInput in, JsonNode node) {
        if (node == null || !in.object(node, "/router")) {
            return RouterSpec.EMPTY;
        }
        in.onlyFields(node, "/router", Set.of("rules", "autoWhenModelMissing"));
        JsonNode auto = JsonInput.present(node, "autoWhenModelMissing");
        if (auto != null && !auto.isBoolean()) {
            in.error("/router/autoWhenModelMissing", "must be true or false");
        }
        Boolean autoWhenModelMissing = auto != null && auto.isBoolean() && auto.booleanValue() ? Boolean.TRUE : null;
        JsonNode rules = JsonInput.present(node, "rules");
        if (rules == null) {
            return new RouterSpec(List.of(), autoWhenModelMissing);
        }
        if (!rules.isArray() || rules.size() > MAX_RULES) {
            in.error("/router/rules", "must be an array of at most " + MAX_RULES + " rules");
            return RouterSpec.EMPTY;
        }
        List<RoutingRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(rule(in, rules.get(i), "/router/rules/" + i));
        }
        return new RouterSpec(parsed, autoWhenModelMissing);
    }

    private static RoutingRule rule(JsonInput in, JsonNode node, String pointer) {
        if (!in.object(node, pointer)) {
            return null;
        }
        in.onlyFields(node, pointer, Set.of("provider", "model", "steps"));
        String provider = in.string(node, "provider", pointer + "/provider", false, 63);
        String model = in.string(node, "model", pointer + "/model", false, 400);
        boolean hasProvider = JsonInput.present(node, "provider") != null;
        if (hasProvider == (JsonInput.present(node, "model") != null)) {
            in.error(pointer, "must name exactly one of provider or model");
        }
        JsonNode steps = JsonInput.present(node, "steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            in.error(pointer + "/steps", "must be a non-empty array of steps");
            return new RoutingRule(provider, model, List.of());
        }
        List<RoutingStep> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            parsed.add(step(in, steps.get(i), pointer + "/steps/" + i));
        }
        return new RoutingRule(provider, model, parsed);
    }

    private static RoutingStep step(JsonInput in, JsonNode node, String pointer) {
        if (!in.object(node, pointer)) {
            return null;
        }
        String type = in.string(node, "type", pointer + "/type", true, 20);
        if (RoutingStep.KEYS.equals(type)) {
            in.onlyFields(node, pointer, Set.of("type", "keys", "strategy", "weights"));
            List<String> keys = nonEmpty(in, node, "keys", pointer);
            String strategy = in.string(node, "strategy", pointer + "/strategy", false, 20);
            if (strategy != null && !RoutingStep.STRATEGIES.contains(strategy)) {
                in.error(pointer + "/strategy", "must be one of " + String.join(", ", RoutingStep.STRATEGIES));
            }
            return new RoutingStep(type, keys, null, strategy, KeyWeights.read(in, node, pointer, strategy, keys));
        }
        if (RoutingStep.FALLBACK.equals(type)) {
            in.onlyFields(node, pointer, Set.of("type", "models"));
            return new RoutingStep(type, null, nonEmpty(in, node, "models", pointer));
        }
        if (RoutingStep.BALANCE.equals(type)) {
            in.onlyFields(node, pointer, Set.of("type", "models", "providers", "weights"));
            if (JsonInput.present(node, "providers") != null) {
                if (JsonInput.present(node, "models") != null) {
                    in.error(pointer + "/providers", "a balance step names either \"models\" or \"providers\", not both");
                    return null;
                }
                List<String> providers = nonEmpty(in, node, "providers", pointer);
                return new RoutingStep(type, null, null, null, KeyWeights.readProviders(in, node, pointer, providers),
                        providers);
            }
            List<String> models = nonEmpty(in, node, "models", pointer);
            return new RoutingStep(type, null, models, null, KeyWeights.readModels(in, node, pointer, models));
        }
        if (type != null) {
            in.error(pointer + "/type", "must be \"keys\", \"fallback\" or \"balance\"");
        }
        return null;
    }

    private static List<String> nonEmpty(JsonInput in, JsonNode step, String field, String pointer) {
        List<String> values = in.strings(step.get(field), pointer + "/" + field, MAX_ENTRIES, 400);
        if (values != null && values.isEmpty()) {
            in.error(pointer + "/" + field, "must not be empty");
        }
        return values;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
