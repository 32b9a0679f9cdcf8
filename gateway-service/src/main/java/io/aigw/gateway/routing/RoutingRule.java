package io.aigw.gateway.routing;

import java.util.List;
import java.util.Map;

/**
 * A rule's ordered steps: `keys` (provider key ids to try), `fallback` (model addresses to try next), `balance`
 * (model addresses, ordered per request by weight) or `balance` over providers (provider ids standing for the
 * request's model at each of them, ordered per request by weight).
 */
public record RoutingRule(List<Step> steps) {

    public enum Kind { KEYS, FALLBACK, BALANCE, BALANCE_PROVIDERS }

    /**
     * {@code strategy} orders a `keys` step's values per request; {@code weights} by key id or model address
     * (absent = 1) matter for {@link KeyStrategy#WEIGHTED} keys and for `balance` steps.
     */
    public record Step(Kind kind, List<String> values, KeyStrategy strategy, Map<String, Integer> weights) {

        public static Step keys(List<String> keys, KeyStrategy strategy, Map<String, Integer> weights) {
            return new Step(Kind.KEYS, keys, strategy, weights);
        }

        public static Step fallback(List<String> models) {
            return new Step(Kind.FALLBACK, models, KeyStrategy.ORDERED, Map.of());
        }

        /** Models spread by weight (weighted random order per request); the others follow as failover. */
        public static Step balance(List<String> models, Map<String, Integer> weights) {
            return new Step(Kind.BALANCE, models, KeyStrategy.WEIGHTED, weights);
        }

        /** Providers spread by weight, each standing for the request's model there; the others follow as failover. */
        public static Step balanceProviders(List<String> providers, Map<String, Integer> weights) {
            return new Step(Kind.BALANCE_PROVIDERS, providers, KeyStrategy.WEIGHTED, weights);
        }

        /** Whether the step orders its values by weight per request (a `balance` step of either form). */
        public boolean balance() {
            return kind == Kind.BALANCE || kind == Kind.BALANCE_PROVIDERS;
        }

        int weight(String value) {
            Integer weight = weights.get(value);
            return weight == null || weight < 1 ? 1 : weight;
        }
    }
}
