package io.aigw.config.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.config.configuration.ConfigurationSpec.RoutingStep;
import io.aigw.kit.json.JsonInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A step's `weights`: a `keys` step's (only with the weighted strategy) or a `balance` step's, to positive whole numbers. */
final class KeyWeights {

    static final int MAX_WEIGHT = 1_000_000;

    private KeyWeights() {
    }

    static Map<String, Integer> read(JsonInput in, JsonNode step, String pointer, String strategy, List<String> keys) {
        JsonNode node = JsonInput.present(step, "weights");
        String at = pointer + "/weights";
        if (node == null) {
            return null;
        }
        if (!RoutingStep.WEIGHTED.equals(strategy)) {
            in.error(at, "is only allowed with strategy \"weighted\"");
            return null;
        }
        return values(in, node, at, keys, "key");
    }

    /** A `balance` step's `weights`: model entry (as written in its `models`) to a positive whole number. */
    static Map<String, Integer> readModels(JsonInput in, JsonNode step, String pointer, List<String> models) {
        JsonNode node = JsonInput.present(step, "weights");
        return node == null ? null : values(in, node, pointer + "/weights", models, "model");
    }

    /** A `balance` step's `weights` over providers: provider id (as in its `providers`) to a positive whole number. */
    static Map<String, Integer> readProviders(JsonInput in, JsonNode step, String pointer, List<String> providers) {
        JsonNode node = JsonInput.present(step, "weights");
        return node == null ? null : values(in, node, pointer + "/weights", providers, "provider");
    }

    private static Map<String, Integer> values(JsonInput in, JsonNode node, String at, List<String> keys, String what) {
        if (!in.object(node, at)) {
            return null;
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String field = at + "/" + JsonInput.escape(entry.getKey());
            Long weight = entry.getValue().isNull() ? null : in.integer(node, entry.getKey(), field, 1, MAX_WEIGHT);
            if (entry.getValue().isNull()) {
                in.error(field, "must be a whole number");
            }
            if (keys != null && !keys.contains(entry.getKey())) {
                in.error(field, "names a " + what + " that is not in this step's " + what + "s");
            } else if (weight != null) {
                weights.put(entry.getKey(), weight.intValue());
            }
        });
        return weights;
    }
}
