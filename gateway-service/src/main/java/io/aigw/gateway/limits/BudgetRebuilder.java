package io.aigw.gateway.limits;

import io.smallrye.mutiny.Uni;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds budget counters that Redis lost (restarted, evicted, failed over, or never had: a budget set mid-period)
 * from key-service's ledger before they are used: the ledger's spend of the period is written with
 * {@link LimitScripts#RAISE} (so two replicas rebuilding at once agree). Requests of one replica that find the same
 * counter missing share one rebuild. Rebuilds are counted in `aigw_budget_rebuilds_total{outcome}`.
 */
@Singleton
public class BudgetRebuilder {

    private final LedgerSpend ledger;
    private final ReactiveRedisDataSource redis;
    private final LimitMetrics metrics;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    public BudgetRebuilder(LedgerSpend ledger, ReactiveRedisDataSource redis, LimitMetrics metrics) {
        this.ledger = ledger;
        this.redis = redis;
        this.metrics = metrics;
    }

    /** Completes when every counter exists again with at least the ledger's spend; fails when the ledger cannot say. */
    public Uni<Void> rebuild(List<BudgetCounter> counters) {
        List<CompletableFuture<Void>> waits = new ArrayList<>(counters.size());
        List<BudgetCounter> mine = new ArrayList<>(counters.size());
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (BudgetCounter c : counters) {
            CompletableFuture<Void> other = inFlight.putIfAbsent(c.spendKey(), done);
            if (other != null) {
                waits.add(other);
            } else {
                mine.add(c);
            }
        }
        if (!mine.isEmpty()) {
            waits.add(done);
            Uni.createFrom().completionStage(() -> ledger.spend(mine).toCompletionStage())
                    .chain(spend -> raise(mine, spend))
                    .subscribe().with(ok -> finish(mine, done, null), failure -> finish(mine, done, failure));
        } else {
            done.complete(null);
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(waits.toArray(new CompletableFuture[0])));
    }

    /** Writes each counter's ledger spend (raising, never lowering); answers the values they had (-1 = missing). */
    Uni<List<Long>> raise(List<BudgetCounter> counters, List<Long> spend) {
        long now = System.currentTimeMillis();
        List<Uni<Long>> writes = new ArrayList<>(counters.size());
        for (int i = 0; i < counters.size(); i++) {
            BudgetCounter c = counters.get(i);
            writes.add(LimitScripts.RAISE.run(redis, List.of(c.spendKey()),
                    List.of(Long.toString(spend.get(i)), Long.toString(c.ttlMillis(now)))).map(r -> r.toLong()));
        }
        return Uni.join().all(writes).andFailFast();
    }

    private void finish(List<BudgetCounter> counters, CompletableFuture<Void> done, Throwable failure) {
        counters.forEach(c -> inFlight.remove(c.spendKey(), done));
        metrics.rebuilt(failure == null, counters.size());
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
    }
}
