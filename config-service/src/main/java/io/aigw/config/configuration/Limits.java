package io.aigw.config.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.json.JsonInput;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Rate limits and spend budgets (SPEC §2.4), enforced by the gateway; a null field means no limit.
 * {@code requestsPerMinute}, {@code tokensPerMinute} and the {@code daily}/{@code weekly}/{@code monthlyBudgetUsd}
 * apply to each access key on its own; {@code configurationBudgetUsd} to all keys of the configuration together.
 * Days and months are UTC, weeks ISO (Monday to Sunday, UTC). {@code allowUnpricedModels}: a budgeted key may call
 * models that have no price at all (they then cost 0); otherwise such calls are refused with 402 `model_not_priced`.
 */
public record Limits(Long requestsPerMinute, Long tokensPerMinute, BigDecimal dailyBudgetUsd,
        BigDecimal weeklyBudgetUsd, BigDecimal monthlyBudgetUsd, Budgets configurationBudgetUsd,
        boolean allowUnpricedModels) {

    public static final Limits NONE = new Limits(null, null, null, null, null, null, false);
    private static final Set<String> FIELDS = Set.of("requestsPerMinute", "tokensPerMinute", "dailyBudgetUsd",
            "weeklyBudgetUsd", "monthlyBudgetUsd", "configurationBudgetUsd", "allowUnpricedModels");
    private static final Set<String> WINDOWS = Set.of("daily", "weekly", "monthly");
    private static final long MAX = 1_000_000_000_000L;
    /** Budgets are counted in nano-USD that Lua compares exactly below 2^53: at most 9 million USD. */
    private static final BigDecimal MAX_USD = BigDecimal.valueOf(9_000_000L);

    /** A budget in USD per UTC day, ISO week and UTC month; null = none for that window. */
    public record Budgets(BigDecimal daily, BigDecimal weekly, BigDecimal monthly) {
    }

    /**
     * Reads limits from {@code node} (null or JSON null: no limits), recording errors in {@code in}.
     * {@code shared}: whether a shared budget may be set (a configuration's limits, not the settings' defaults).
     */
    public static Limits read(JsonInput in, JsonNode node, String pointer, boolean shared) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!in.object(node, pointer)) {
            return NONE;
        }
        in.onlyFields(node, pointer, FIELDS);
        Budgets configuration = budgets(in, JsonInput.present(node, "configurationBudgetUsd"),
                pointer + "/configurationBudgetUsd");
        if (configuration != null && !shared) {
            in.error(pointer + "/configurationBudgetUsd", "only a configuration's limits have a shared budget");
        }
        JsonNode allow = JsonInput.present(node, "allowUnpricedModels");
        if (allow != null && !allow.isBoolean()) {
            in.error(pointer + "/allowUnpricedModels", "must be true or false");
        }
        return new Limits(
                in.integer(node, "requestsPerMinute", pointer + "/requestsPerMinute", 1, MAX),
                in.integer(node, "tokensPerMinute", pointer + "/tokensPerMinute", 1, MAX),
                usd(in, node, "dailyBudgetUsd", pointer), usd(in, node, "weeklyBudgetUsd", pointer),
                usd(in, node, "monthlyBudgetUsd", pointer), configuration, allow != null && allow.asBoolean());
    }

    private static Budgets budgets(JsonInput in, JsonNode node, String pointer) {
        if (node == null || !in.object(node, pointer)) {
            return null;
        }
        in.onlyFields(node, pointer, WINDOWS);
        Budgets budgets = new Budgets(usd(in, node, "daily", pointer), usd(in, node, "weekly", pointer),
                usd(in, node, "monthly", pointer));
        return budgets.daily() == null && budgets.weekly() == null && budgets.monthly() == null ? null : budgets;
    }

    private static BigDecimal usd(JsonInput in, JsonNode node, String field, String pointer) {
        BigDecimal usd = in.decimal(node, field, pointer + "/" + field);
        if (usd != null && usd.compareTo(MAX_USD) > 0) {
            in.error(pointer + "/" + field, "must be at most " + MAX_USD.toPlainString() + " USD");
            return null;
        }
        if (usd != null && usd.stripTrailingZeros().scale() > 6) {
            in.error(pointer + "/" + field, "must be whole micro-dollars (at most 6 decimal places)");
            return null;
        }
        return usd;
    }
}
