package io.aigw.gateway.limits;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Every `aigw.budgets.reconcile-interval`, compares the budget counters this replica used with key-service's ledger.
 * A counter below the ledger lost spend (a settlement Redis missed, a rebuild that ran before the ledger had every
 * event) and is raised to it; one above the ledger is left alone (the ledger trails the counters by the events still
 * on their way, and lowering a budget counter could let spend through). The drift of the last run is exported as
 * `aigw_budget_drift_usd{direction=under|over}`, corrections as `aigw_budget_corrections_total`.
 */
@Singleton
public class BudgetReconciler {

    static final int BATCH = 100;

    private final ActiveCounters active;
    private final LedgerSpend ledger;
    private final BudgetRebuilder rebuilder;
    private final ReactiveRedisDataSource redis;
    private final LimitMetrics metrics;
    private final BudgetConfig config;
    private final Vertx vertx;
    private long timer = -1;

    public BudgetReconciler(ActiveCounters active, LedgerSpend ledger, BudgetRebuilder rebuilder,
            ReactiveRedisDataSource redis, LimitMetrics metrics, BudgetConfig config, Vertx vertx) {
        this.active = active;
        this.ledger = ledger;
        this.rebuilder = rebuilder;
        this.redis = redis;
        this.metrics = metrics;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        long every = config.reconcileInterval().toMillis();
        if (every > 0) {
            timer = vertx.setPeriodic(every, id -> reconcile().subscribe().with(ok -> { }, failure ->
                    Log.debugf("Budget reconciliation skipped: %s", failure.getClass().getSimpleName())));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One run over the counters used since the last one; answers how many were corrected. */
    public Uni<Integer> reconcile() {
        List<BudgetCounter> counters = active.drain();
        List<Uni<long[]>> batches = new ArrayList<>();
        for (int from = 0; from < counters.size(); from += BATCH) {
            batches.add(batch(counters.subList(from, Math.min(counters.size(), from + BATCH))));
        }
        if (batches.isEmpty()) {
            metrics.drift(0, 0);
            return Uni.createFrom().item(0);
        }
        return Uni.join().all(batches).andCollectFailures().map(results -> {
            long under = 0;
            long over = 0;
            int corrected = 0;
            for (long[] r : results) {
                under += r[0];
                over += r[1];
                corrected += (int) r[2];
            }
            metrics.drift(under, over);
            return corrected;
        });
    }

    /** {nano-USD under the ledger, nano-USD over it, counters corrected}. */
    private Uni<long[]> batch(List<BudgetCounter> counters) {
        return Uni.createFrom().completionStage(() -> ledger.spend(counters).toCompletionStage()).chain(spend -> {
            List<String> keys = counters.stream().map(BudgetCounter::spendKey).toList();
            return redis.execute("MGET", keys.toArray(new String[0])).chain(values -> {
                long under = 0;
                long over = 0;
                List<BudgetCounter> low = new ArrayList<>();
                List<Long> lowSpend = new ArrayList<>();
                for (int i = 0; i < counters.size(); i++) {
                    Response value = values.get(i);
                    if (value == null) {
                        continue; // missing: rebuilt from the ledger by its next request
                    }
                    long drift = value.toLong() - spend.get(i);
                    if (drift < 0) {
                        under -= drift;
                        low.add(counters.get(i));
                        lowSpend.add(spend.get(i));
                    } else {
                        over += drift;
                    }
                }
                long[] result = {under, over, low.size()};
                if (low.isEmpty()) {
                    return Uni.createFrom().item(result);
                }
                metrics.corrected(low.size(), under);
                return rebuilder.raise(low, lowSpend).replaceWith(result);
            });
        });
    }
}
