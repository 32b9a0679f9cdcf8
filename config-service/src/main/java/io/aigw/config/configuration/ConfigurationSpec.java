package io.aigw.config.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What an operator writes: the configuration without its server-side fields. Stored as the JSONB
 * document of a {@link Configuration}; every model entry in it is canonical {@code provider:model}.
 */
public record ConfigurationSpec(String name, String description, JsonNode metadata, AccessScope access,
        RouterSpec router, Limits limits, @JsonInclude(JsonInclude.Include.NON_NULL) FirewallRef firewall) {

    /** The firewall policies (ids, applied in order after the gateway's baseline); absent = none. */
    public record FirewallRef(List<String> policies) {
    }

    /** Access scope: a null dimension means no restriction, an empty list means nothing allowed. */
    public record AccessScope(AllowList providers, AllowList models) {

        public static final AccessScope UNRESTRICTED = new AccessScope(null, null);
    }

    public record AllowList(List<String> allow) {
    }

    /**
     * The rules, and {@code autoWhenModelMissing}: a request without `model` is an `aigw/auto` request (stored only
     * when true; absent = the request is refused for its missing model).
     */
    public record RouterSpec(List<RoutingRule> rules,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean autoWhenModelMissing) {

        public static final RouterSpec EMPTY = new RouterSpec(List.of());

        public RouterSpec(List<RoutingRule> rules) {
            this(rules, null);
        }
    }

    /** A rule applies to one provider or to one model (exactly one of the two is set). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoutingRule(String provider, String model, List<RoutingStep> steps) {
    }

    /**
     * {@code keys}: provider-key ids, ordered per request by {@code strategy} (absent = ordered; {@code weights}
     * by key id only with weighted, absent weight = 1); {@code fallback}: models tried in order; {@code balance}:
     * models spread by {@code weights} (by model, absent = 1), the others following as failover; or {@code providers}
     * (instead of models): the request's model at each of these providers, spread by {@code weights} by provider id.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoutingStep(String type, List<String> keys, List<String> models, String strategy,
            Map<String, Integer> weights, List<String> providers) {

        public static final String KEYS = "keys";
        public static final String FALLBACK = "fallback";
        public static final String BALANCE = "balance";
        public static final List<String> STRATEGIES = List.of("ordered", "weighted", "round-robin", "least-busy");
        public static final String WEIGHTED = "weighted";

        public RoutingStep(String type, List<String> keys, List<String> models) {
            this(type, keys, models, null, null, null);
        }

        public RoutingStep(String type, List<String> keys, List<String> models, String strategy,
                Map<String, Integer> weights) {
            this(type, keys, models, strategy, weights, null);
        }
    }
}
