package io.aigw.gateway.routing;

import java.util.Map;

/**
 * A configuration compiled for routing: its access scope, its rules by canonical model / provider id, its
 * limits ({@code null} for keys without a configuration: the gateway settings' default limits apply), and whether a
 * request without `model` means `aigw/auto` ({@code autoWhenModelMissing}, the router's switch of that name).
 */
public record RoutePolicy(String id, AccessScope access, Map<String, RoutingRule> modelRules,
        Map<String, RoutingRule> providerRules, Limits limits, boolean autoWhenModelMissing) {

    /** Access keys without a configuration: everything allowed, default routing, default limits, `model` required. */
    public static final RoutePolicy ALLOW_ALL = new RoutePolicy(null, AccessScope.ALLOW_ALL, Map.of(), Map.of(), null,
            false);

    public RoutePolicy(String id, AccessScope access, Map<String, RoutingRule> modelRules,
            Map<String, RoutingRule> providerRules, Limits limits) {
        this(id, access, modelRules, providerRules, limits, false);
    }

    /** This policy's limits, or {@code defaults} for keys without a configuration. */
    public Limits limitsOr(Limits defaults) {
        return limits != null ? limits : defaults;
    }

    /** The rule for this candidate: a model rule wins over a provider rule; null = default routing. */
    public RoutingRule ruleFor(ModelAddress address) {
        RoutingRule rule = modelRules.isEmpty() ? null : modelRules.get(address.canonical());
        return rule != null ? rule : providerRules.get(address.provider().id());
    }
}
