package io.aigw.gateway.routing;

import java.util.Map;

/** A configuration compiled for routing: its access scope and its rules by canonical model / provider id. */
public record RoutePolicy(String id, AccessScope access, Map<String, RoutingRule> modelRules,
        Map<String, RoutingRule> providerRules) {

    /** Access keys without a configuration: everything allowed, default routing. */
    public static final RoutePolicy ALLOW_ALL = new RoutePolicy(null, AccessScope.ALLOW_ALL, Map.of(), Map.of());

    /** The rule for this candidate: a model rule wins over a provider rule; null = default routing. */
    public RoutingRule ruleFor(ModelAddress address) {
        RoutingRule rule = modelRules.isEmpty() ? null : modelRules.get(address.canonical());
        return rule != null ? rule : providerRules.get(address.provider().id());
    }
}
