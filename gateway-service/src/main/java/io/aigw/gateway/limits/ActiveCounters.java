package io.aigw.gateway.limits;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The budget counters this replica used since the last reconciliation (only those are reconciled by it). */
@Singleton
public class ActiveCounters {

    private final Map<String, BudgetCounter> used = new ConcurrentHashMap<>();

    void note(List<BudgetCounter> counters) {
        for (BudgetCounter c : counters) {
            used.putIfAbsent(c.spendKey(), c);
        }
    }

    /** The counters used since the last call, forgetting them. */
    List<BudgetCounter> drain() {
        List<BudgetCounter> all = List.copyOf(used.values());
        all.forEach(c -> used.remove(c.spendKey(), c));
        return all;
    }
}
