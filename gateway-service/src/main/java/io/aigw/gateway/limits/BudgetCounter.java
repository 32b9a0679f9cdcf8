package io.aigw.gateway.limits;

import io.aigw.gateway.routing.Budgets;
import io.aigw.gateway.routing.Limits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One budget as Redis counts it: whose ({@code scope} `key` = one access key, `configuration` = all keys of one
 * configuration), which period, the limit in nano-USD. Settled spend is the string `aigw:budget:<scope>:<id>:<period>`,
 * open reservations the sorted set `aigw:budget-held:…` (member `<reservation id>:<nano-USD>`, score = expiry).
 */
public record BudgetCounter(String scope, String ownerId, BudgetWindow.Period period, long limitNanos,
        BigDecimal limitUsd) {

    public static final String KEY = "key";
    public static final String CONFIGURATION = "configuration";
    /** How long a counter outlives its period (late settlements, the reconciliation). */
    static final long KEPT_AFTER_PERIOD_MS = 86_400_000L;

    public String spendKey() {
        return "aigw:budget:" + scope + ":" + ownerId + ":" + period.id();
    }

    public String heldKey() {
        return "aigw:budget-held:" + scope + ":" + ownerId + ":" + period.id();
    }

    /** Milliseconds the counter is kept from {@code nowMillis}: to its period's end and a day more. */
    public long ttlMillis(long nowMillis) {
        return Math.max(1, period.to().toEpochMilli() + KEPT_AFTER_PERIOD_MS - nowMillis);
    }

    /** For messages: "the daily budget of 5 USD of this access key". */
    public String describe() {
        return "the " + period.window().label() + " budget of " + limitUsd.toPlainString() + " USD of this "
                + (KEY.equals(scope) ? "access key" : "access key's configuration");
    }

    /** The counters of a request at {@code now}: the key's budgets, then its configuration's (when it has one). */
    public static List<BudgetCounter> of(String accessKeyId, String configurationId, Limits limits, Instant now) {
        List<BudgetCounter> counters = new ArrayList<>(2);
        add(counters, KEY, accessKeyId, limits.keyBudgets(), now);
        if (configurationId != null) {
            add(counters, CONFIGURATION, configurationId, limits.configurationBudgets(), now);
        }
        return counters;
    }

    private static void add(List<BudgetCounter> to, String scope, String owner, Budgets budgets, Instant now) {
        add(to, scope, owner, BudgetWindow.DAILY, budgets.daily(), now);
        add(to, scope, owner, BudgetWindow.WEEKLY, budgets.weekly(), now);
        add(to, scope, owner, BudgetWindow.MONTHLY, budgets.monthly(), now);
    }

    private static void add(List<BudgetCounter> to, String scope, String owner, BudgetWindow window, BigDecimal usd,
            Instant now) {
        if (usd != null) {
            to.add(new BudgetCounter(scope, owner, window.period(now), Nanos.of(usd), usd));
        }
    }
}
