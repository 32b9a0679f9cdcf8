package io.aigw.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Spend budgets (`aigw.budgets.*`): reservations, their rebuild from key-service's ledger, the reconciliation. */
@ConfigMapping(prefix = "aigw.budgets")
public interface BudgetConfig {

    /** How long a reservation holds budget when its attempt never settles (a replica died mid-request). */
    @WithDefault("15m")
    Duration reservationTtl();

    /** Output tokens an attempt is assumed to produce at most when neither request, model nor settings bound it. */
    @WithDefault("4096")
    long defaultMaxOutputTokens();

    /** How long a request waits for a missing budget counter to be rebuilt from the ledger before `limitsFailMode` decides. */
    @WithDefault("2s")
    Duration rebuildTimeout();

    /** How often the budget counters this replica used are compared with the ledger and corrected (0 = never). */
    @WithDefault("60s")
    Duration reconcileInterval();
}
