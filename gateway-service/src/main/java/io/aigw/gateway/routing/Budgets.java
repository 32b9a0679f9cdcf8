package io.aigw.gateway.routing;

import java.math.BigDecimal;

/** Spend budgets in USD per UTC day, ISO week (UTC) and UTC month; null = no budget for that window. */
public record Budgets(BigDecimal daily, BigDecimal weekly, BigDecimal monthly) {

    public static final Budgets NONE = new Budgets(null, null, null);

    public boolean any() {
        return daily != null || weekly != null || monthly != null;
    }
}
