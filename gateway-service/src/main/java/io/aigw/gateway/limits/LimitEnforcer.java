package io.aigw.gateway.limits;

import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.GatewaySettings;
import io.aigw.gateway.routing.Limits;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.usage.TokenEstimator;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SPEC §2.4 with counters in Redis shared by every replica. A request of a key with limits is admitted by one
 * script call that counts its request, checks its minute's tokens and reserves its first attempt's worst-case cost
 * in every budget ({@link LimitScripts#ADMIT}); later attempts reserve again; each attempt settles to its real
 * cost with one more call ({@link LimitScripts#SETTLE}). A budget counter that Redis lost is rebuilt from the
 * ledger first ({@link BudgetRebuilder}). When Redis cannot answer in time ({@link RedisDeadline}) the settings'
 * `limitsFailMode` decides: open admits, closed refuses with 429.
 */
@Singleton
public class LimitEnforcer {

    final ReactiveRedisDataSource redis;
    final LimitMetrics metrics;
    final TokenEstimator tokens;
    final BudgetConfig budgets;
    final BudgetRebuilder rebuilder;
    final ActiveCounters active;
    final Vertx vertx;
    private final RedisDeadline deadline;

    public LimitEnforcer(ReactiveRedisDataSource redis, GatewayConfig config, BudgetConfig budgets, LimitMetrics metrics,
            TokenEstimator tokens, BudgetRebuilder rebuilder, ActiveCounters active, Vertx vertx) {
        this.redis = redis;
        this.metrics = metrics;
        this.tokens = tokens;
        this.budgets = budgets;
        this.rebuilder = rebuilder;
        this.active = active;
        this.vertx = vertx;
        this.deadline = new RedisDeadline(vertx, config.limitsTimeout(), config.limitsMaxWait(), System::nanoTime);
    }

    /**
     * The limits of one request ({@link RequestLimits#NONE} for a key without any: no Redis call at all).
     *
     * @throws GatewayException 402 `model_not_priced` when a budget applies and some planned model has no price
     */
    public RequestLimits forRequest(AccessKeyRecord key, Limits limits, GatewaySettings settings,
            List<PlannedAttempt> plan, Surface surface, byte[] body, int length) {
        if (!limits.any()) {
            return RequestLimits.NONE;
        }
        List<BudgetCounter> counters = List.of();
        if (limits.budgeted()) {
            if (!limits.allowUnpricedModels()) {
                for (PlannedAttempt attempt : plan) {
                    if (!attempt.price().known()) {
                        throw new GatewayException(ErrorCode.MODEL_NOT_PRICED, "The model \""
                                + attempt.address().canonical() + "\" has no price, and this access key has a spend"
                                + " budget: set the model's pricing or its provider's defaultPricing in the catalog, or"
                                + " allowUnpricedModels in the configuration's limits.", "model");
                    }
                }
            }
            counters = BudgetCounter.of(key.id(), key.configurationId(), limits, Instant.now());
            active.note(counters);
        }
        return new RequestLimits(this, key.id(), limits, counters, settings, surface, body, length);
    }

    /** Runs the admission script (rebuilding missing budget counters from the ledger first) within the timeout. */
    Uni<Admission> admit(List<String> keys, List<String> args, List<BudgetCounter> counters) {
        return deadline.await(LimitScripts.ADMIT.run(redis, keys, args)).map(Admission::of)
                .chain(admission -> admission.code() != Admission.MISSING ? Uni.createFrom().item(admission)
                        : rebuilder.rebuild(missing(counters, admission.missing()))
                                .ifNoItem().after(budgets.rebuildTimeout()).fail()
                                .chain(() -> deadline.await(LimitScripts.ADMIT.run(redis, keys, args)))
                                .map(Admission::of));
    }

    /** Adds an attempt's tokens and real cost, releasing its reservation; never fails the request. */
    void settle(List<String> keys, List<String> args) {
        LimitScripts.SETTLE.run(redis, keys, args).subscribe().with(ok -> { }, failure ->
                Log.debugf("An attempt's spend could not be settled in Redis (the ledger keeps it): %s",
                        failure.getClass().getSimpleName()));
    }

    /** What a failed check becomes: the refusal itself, or (Redis or the ledger could not answer) the fail mode's choice. */
    Uni<Void> unchecked(Throwable failure, String accessKeyId, boolean failOpen) {
        if (failure instanceof GatewayException refusal) {
            return Uni.createFrom().failure(refusal);
        }
        Log.debugf("Limits of %s could not be checked (%s): %s", accessKeyId, failure.getClass().getSimpleName(),
                failOpen ? "admitted (fail open)" : "refused (fail closed)");
        metrics.unchecked(failOpen);
        return failOpen ? Uni.createFrom().voidItem() : Uni.createFrom().failure(new GatewayException(
                ErrorCode.RATE_LIMITED, 429, "Rate limits cannot be checked right now; retry shortly.", null,
                Map.of("Retry-After", "1")));
    }

    private static List<BudgetCounter> missing(List<BudgetCounter> counters, long[] indexes) {
        List<BudgetCounter> missing = new ArrayList<>(indexes.length);
        for (long i : indexes) {
            missing.add(counters.get((int) i));
        }
        return missing;
    }
}
