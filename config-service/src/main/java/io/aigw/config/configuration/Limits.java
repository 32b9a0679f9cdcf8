package io.aigw.config.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.config.json.JsonInput;
import java.math.BigDecimal;
import java.util.Set;

/** Rate limits and spend budget; a null field means no limit. Enforced by the gateway. */
public record Limits(Long requestsPerMinute, Long tokensPerMinute, BigDecimal monthlyBudgetUsd) {

    public static final Limits NONE = new Limits(null, null, null);
    private static final Set<String> FIELDS = Set.of("requestsPerMinute", "tokensPerMinute", "monthlyBudgetUsd");
    private static final long MAX = 1_000_000_000_000L;

    /** Reads limits from {@code node} (null or JSON null: no limits), recording errors in {@code in}. */
    public static Limits read(JsonInput in, JsonNode node, String pointer) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!in.object(node, pointer)) {
            return NONE;
        }
        in.onlyFields(node, pointer, FIELDS);
        return new Limits(
                in.integer(node, "requestsPerMinute", pointer + "/requestsPerMinute", 1, MAX),
                in.integer(node, "tokensPerMinute", pointer + "/tokensPerMinute", 1, MAX),
                in.decimal(node, "monthlyBudgetUsd", pointer + "/monthlyBudgetUsd"));
    }
}
