package io.aigw.gateway.routing;

import java.util.List;
import java.util.Map;

/** A rule's ordered steps: `keys` (provider key ids to try) or `fallback` (model addresses to try next). */
public record RoutingRule(List<Step> steps) {

    /**
     * {@code strategy} orders a `keys` step's values per request; {@code weights} by key id (absent = 1) only
     * matter for {@link KeyStrategy#WEIGHTED}.
     */
    public record Step(boolean fallback, List<String> values, KeyStrategy strategy, Map<String, Integer> weights) {

        public Step(boolean fallback, List<String> values) {
            this(fallback, values, KeyStrategy.ORDERED, Map.of());
        }

        int weight(String key) {
            Integer weight = weights.get(key);
            return weight == null || weight < 1 ? 1 : weight;
        }
    }
}
