package io.aigw.gateway.limits;

import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.Limits;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.inject.Singleton;

/**
 * SPEC §2.4 with counters in Redis shared by every replica: requests and tokens per fixed UTC minute, spend
 * per UTC calendar month. {@link #admit} runs before the first attempt (only for keys with limits: others
 * cost no Redis call); {@link #consume} adds what an attempt used, off the response path. When Redis cannot
 * answer in time the settings' `limitsFailMode` decides: open admits, closed refuses with 429.
 */
@Singleton
public class LimitEnforcer {

    private final RequestRateCounter requests;
    private final TokenRateCounter tokens;
    private final MonthlySpendCounter spend;
    private final SpendBatcher unbudgetedSpend;
    private final Duration timeout;
    private final LimitMetrics metrics;

    public LimitEnforcer(RequestRateCounter requests, TokenRateCounter tokens, MonthlySpendCounter spend,
            SpendBatcher unbudgetedSpend, GatewayConfig config, LimitMetrics metrics) {
        this.unbudgetedSpend = unbudgetedSpend;
        this.metrics = metrics;
        this.requests = requests;
        this.tokens = tokens;
        this.spend = spend;
        this.timeout = config.limitsTimeout();
    }

    /** Completes when the request may go on; fails with `rate_limited` (429) or `budget_exceeded` (402). */
    public Uni<Void> admit(String accessKeyId, Limits limits, boolean failOpen) {
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        String retryAfter = Long.toString(Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000));
        List<Uni<Void>> checks = new ArrayList<>(3);
        if (limits.requestsPerMinute() != null) {
            long limit = limits.requestsPerMinute();
            checks.add(requests.increment(accessKeyId, minute).map(n -> {
                if (n > limit) {
                    metrics.refusedForRequests();
                    throw rateLimited("requests per minute (" + limit + ")", retryAfter);
                }
                return null;
            }));
        }
        if (limits.tokensPerMinute() != null) {
            long limit = limits.tokensPerMinute();
            checks.add(tokens.current(accessKeyId, minute).map(n -> {
                if (n >= limit) {
                    metrics.refusedForTokens();
                    throw rateLimited("tokens per minute (" + limit + ")", retryAfter);
                }
                return null;
            }));
        }
        if (limits.monthlyBudgetUsd() != null) {
            BigDecimal budget = limits.monthlyBudgetUsd();
            long budgetNanos = MonthlySpendCounter.nanos(budget);
            checks.add(spend.current(accessKeyId, MonthlySpendCounter.month(now)).map(n -> {
                if (n >= budgetNanos) {
                    metrics.refusedForBudget();
                    throw new GatewayException(ErrorCode.BUDGET_EXCEEDED, "This access key has used its monthly budget of "
                            + budget.toPlainString() + " USD.");
                }
                return null;
            }));
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.combine().all().unis(checks).collectFailures().discardItems()
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithUni(failure -> {
                    GatewayException refusal = refusal(failure);
                    if (refusal != null) {
                        return Uni.createFrom().failure(refusal);
                    }
                    Log.warnf("Limits of %s could not be checked (%s): %s", accessKeyId, failure.getClass().getSimpleName(),
                            failOpen ? "admitted (fail open)" : "refused (fail closed)");
                    metrics.unchecked(failOpen);
                    return failOpen ? Uni.createFrom().voidItem() : Uni.createFrom().failure(new GatewayException(
                            ErrorCode.RATE_LIMITED, 429, "Rate limits cannot be checked right now; retry shortly.", null,
                            Map.of("Retry-After", "1")));
                });
    }

    /** The gateway refusal among the check failures (a budget refusal wins), or null when Redis failed. */
    private static GatewayException refusal(Throwable failure) {
        List<Throwable> all = failure instanceof io.smallrye.mutiny.CompositeException c ? c.getCauses() : List.of(failure);
        GatewayException found = null;
        for (Throwable t : all) {
            if (t instanceof GatewayException g && (found == null || g.code() == ErrorCode.BUDGET_EXCEEDED)) {
                found = g;
            } else if (!(t instanceof GatewayException)) {
                return null;
            }
        }
        return found;
    }

    /**
     * Adds an attempt's tokens (when the key has a token limit) and cost to the shared counters; never fails.
     * The cost of a key with a budget is added at once; that of other keys within a second ({@link SpendBatcher}).
     */
    public void consume(String accessKeyId, Limits limits, long tokenCount, BigDecimal cost) {
        long now = System.currentTimeMillis();
        if (limits.tokensPerMinute() != null && tokenCount > 0) {
            tokens.add(accessKeyId, now / 60_000, tokenCount).subscribe().with(n -> { }, LimitEnforcer::failed);
        }
        if (cost != null && cost.signum() > 0) {
            if (limits.monthlyBudgetUsd() != null) {
                spend.add(accessKeyId, now, cost).subscribe().with(n -> { }, LimitEnforcer::failed);
            } else {
                unbudgetedSpend.add(accessKeyId, MonthlySpendCounter.month(now), MonthlySpendCounter.nanos(cost));
            }
        }
    }

    private static void failed(Throwable failure) {
        Log.debugf("A limit counter could not be updated: %s", failure.getClass().getSimpleName());
    }

    private static GatewayException rateLimited(String what, String retryAfter) {
        return new GatewayException(ErrorCode.RATE_LIMITED, 429, "This access key is over its limit of " + what
                + "; retry after " + retryAfter + " s.", null, Map.of("Retry-After", retryAfter));
    }
}
