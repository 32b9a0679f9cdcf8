package io.aigw.config.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.config.configuration.ConfigurationSpec.RoutingStep;
import io.aigw.kit.json.JsonInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A `keys` step's `weights`: key id to a positive whole number, only with the weighted strategy. */
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
                in.error(field, "names a key that is not in this step's keys");
            } else if (weight != null) {
                weights.put(entry.getKey(), weight.intValue());
            }
        });
        return weights;
    }
}
