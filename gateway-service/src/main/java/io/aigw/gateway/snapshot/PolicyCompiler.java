package io.aigw.gateway.snapshot;

import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.AccessScope;
import io.aigw.gateway.routing.KeyStrategy;
import io.aigw.gateway.routing.ModelAddressParser;
import io.aigw.gateway.routing.ModelDirectory;
import io.aigw.gateway.routing.RoutePolicy;
import io.aigw.gateway.routing.RoutingRule;
import io.aigw.gateway.snapshot.ConfigDocument.ConfigurationDoc;
import io.aigw.gateway.snapshot.ConfigDocument.DimensionDoc;
import io.aigw.gateway.snapshot.ConfigDocument.RuleDoc;
import io.aigw.gateway.snapshot.ConfigDocument.StepDoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles configurations into route policies. Model addresses in scopes and rules are normalised to
 * canonical `provider:modelId` through the catalog (so a bare id or an alias there works too); one that
 * no longer parses is kept as written and simply matches nothing.
 */
final class PolicyCompiler {

    private PolicyCompiler() {
    }

    static Map<String, RoutePolicy> compile(List<ConfigurationDoc> docs, ModelDirectory directory) {
        Map<String, RoutePolicy> policies = new HashMap<>();
        for (ConfigurationDoc doc : docs) {
            String id = SnapshotBuilder.require(doc.id(), "configuration id");
            policies.put(id, new RoutePolicy(id, scope(doc, directory), modelRules(doc, directory), providerRules(doc, directory),
                    SnapshotBuilder.limits(doc.limits()),
                    doc.router() != null && Boolean.TRUE.equals(doc.router().autoWhenModelMissing())));
        }
        return Map.copyOf(policies);
    }

    private static AccessScope scope(ConfigurationDoc doc, ModelDirectory directory) {
        if (doc.access() == null) {
            return AccessScope.ALLOW_ALL;
        }
        DimensionDoc providers = doc.access().providers();
        DimensionDoc models = doc.access().models();
        Set<String> providerSet = providers == null || providers.allow() == null ? null : Set.copyOf(providers.allow());
        if (models == null || models.allow() == null) {
            return new AccessScope(providerSet, null, List.of());
        }
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String entry : models.allow()) {
            if (entry.endsWith("*")) {
                prefixes.add(entry.substring(0, entry.length() - 1));
            } else {
                exact.add(canonical(entry, directory));
            }
        }
        return new AccessScope(providerSet, Set.copyOf(exact), List.copyOf(prefixes));
    }

    private static Map<String, RoutingRule> modelRules(ConfigurationDoc doc, ModelDirectory directory) {
        Map<String, RoutingRule> rules = new HashMap<>();
        for (RuleDoc rule : rules(doc)) {
            if (rule.model() != null) {
                rules.putIfAbsent(canonical(rule.model(), directory), rule(rule, directory));
            }
        }
        return Map.copyOf(rules);
    }

    private static Map<String, RoutingRule> providerRules(ConfigurationDoc doc, ModelDirectory directory) {
        Map<String, RoutingRule> rules = new HashMap<>();
        for (RuleDoc rule : rules(doc)) {
            if (rule.model() == null && rule.provider() != null) {
                rules.putIfAbsent(rule.provider(), rule(rule, directory));
            }
        }
        return Map.copyOf(rules);
    }

    private static List<RuleDoc> rules(ConfigurationDoc doc) {
        return doc.router() == null ? List.of() : SnapshotBuilder.list(doc.router().rules());
    }

    private static RoutingRule rule(RuleDoc rule, ModelDirectory directory) {
        List<RoutingRule.Step> steps = new ArrayList<>();
        for (StepDoc step : SnapshotBuilder.list(rule.steps())) {
            Map<String, Integer> weights = step.weights() == null ? Map.of() : Map.copyOf(step.weights());
            if ("fallback".equals(step.type())) {
                steps.add(RoutingRule.Step.fallback(List.copyOf(SnapshotBuilder.list(step.models()))));
            } else if ("keys".equals(step.type())) {
                steps.add(RoutingRule.Step.keys(List.copyOf(SnapshotBuilder.list(step.keys())),
                        KeyStrategy.of(step.strategy()), weights));
            } else if ("balance".equals(step.type()) && step.providers() != null) {
                steps.add(RoutingRule.Step.balanceProviders(List.copyOf(step.providers()), weights));
            } else if ("balance".equals(step.type())) {
                // canonical here, so that the planner finds the rule's own model among them by equality
                List<String> models = new ArrayList<>();
                Map<String, Integer> byModel = new HashMap<>();
                for (String entry : SnapshotBuilder.list(step.models())) {
                    String model = canonical(entry, directory);
                    models.add(model);
                    if (weights.containsKey(entry)) {
                        byModel.put(model, weights.get(entry));
                    }
                }
                steps.add(RoutingRule.Step.balance(List.copyOf(models), Map.copyOf(byModel)));
            } else {
                throw new IllegalArgumentException("unknown rule step type " + step.type());
            }
        }
        return new RoutingRule(List.copyOf(steps));
    }

    private static String canonical(String address, ModelDirectory directory) {
        try {
            return ModelAddressParser.parse(address, directory, null).canonical();
        } catch (GatewayException e) {
            return address;
        }
    }
}
