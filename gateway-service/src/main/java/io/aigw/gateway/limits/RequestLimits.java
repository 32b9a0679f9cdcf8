package io.aigw.gateway.limits;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.GatewaySettings;
import io.aigw.gateway.routing.Limits;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.usage.CostCalculator;
import io.aigw.gateway.usage.UsageEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The limits of one request, used on its event loop: admission (one script call), a reservation before each later
 * attempt, a settlement after each attempt, and the headers that tell the client what is left. {@link #NONE} is the
 * request of a key without limits: every method is free.
 */
public final class RequestLimits {

    public static final RequestLimits NONE = new RequestLimits(null, null, Limits.NONE, List.of(), null, null, null, 0);
    /** Bodies up to this size are tokenised on the event loop (well under a millisecond); larger ones on a worker. */
    static final int INLINE_TOKENISED_BYTES = 64 * 1024;

    private final LimitEnforcer enforcer;
    private final String accessKeyId;
    private final Limits limits;
    private final List<BudgetCounter> counters;
    private final GatewaySettings settings;
    private final Surface surface;
    private final byte[] body;
    private final int length;
    private long inputTokens = -1;
    private long[] requestedOutput;
    private Reservation held;
    private boolean unchecked;
    private Admission admission;

    RequestLimits(LimitEnforcer enforcer, String accessKeyId, Limits limits, List<BudgetCounter> counters,
            GatewaySettings settings, Surface surface, byte[] body, int length) {
        this.enforcer = enforcer;
        this.accessKeyId = accessKeyId;
        this.limits = limits;
        this.counters = counters;
        this.settings = settings;
        this.surface = surface;
        this.body = body;
        this.length = length;
    }

    /** Whether the request must be admitted by Redis before its first attempt. */
    public boolean checked() {
        return enforcer != null;
    }

    /**
     * Counts the request, checks its minute's tokens and reserves the worst case of its first attempt in every
     * budget; fails with `rate_limited` (429) or `budget_exceeded` (402) as the key's limits say.
     */
    public Uni<Void> admit(PlannedAttempt first) {
        return worstCase(first).chain(nanos -> {
            Reservation reservation = counters.isEmpty() ? null : new Reservation(member(), nanos, first.price());
            List<String> keys = new ArrayList<>(2 + 2 * counters.size());
            List<String> args = new ArrayList<>(6 + 2 * counters.size());
            long minute = System.currentTimeMillis() / 60_000;
            args.add(limits.requestsPerMinute() == null ? "0" : limits.requestsPerMinute().toString());
            args.add(limits.tokensPerMinute() == null ? "0" : limits.tokensPerMinute().toString());
            if (limits.requestsPerMinute() != null) {
                keys.add("aigw:rpm:" + accessKeyId + ":" + minute);
            }
            if (limits.tokensPerMinute() != null) {
                keys.add("aigw:tpm:" + accessKeyId + ":" + minute);
            }
            return run(keys, args, reservation);
        }).onFailure().recoverWithUni(failure -> enforcer.unchecked(failure, accessKeyId, settings.limitsFailOpen())
                .invoke(() -> unchecked = true));
    }

    /** Whether {@code attempt} needs a reservation of its own before it is sent. */
    public boolean needsReservation(PlannedAttempt attempt) {
        return !counters.isEmpty() && !unchecked && (held == null || held.price() != attempt.price());
    }

    /** Reserves {@code attempt}'s worst case (releasing a reservation sized for another model first). */
    public Uni<Void> reserve(PlannedAttempt attempt) {
        if (held != null) {
            settleNanos(0, 0);
        }
        return worstCase(attempt).chain(nanos -> run(new ArrayList<>(), new ArrayList<>(List.of("0", "0")),
                new Reservation(member(), nanos, attempt.price())))
                .onFailure().recoverWithUni(failure -> enforcer.unchecked(failure, accessKeyId, settings.limitsFailOpen())
                        .invoke(() -> unchecked = true));
    }

    /** Settles the attempt {@code event} describes: its tokens to the minute, its real cost to every budget. */
    public void settle(UsageEvent event) {
        if (enforcer == null) {
            return;
        }
        settleNanos(limits.tokensPerMinute() == null ? 0 : event.tokens().input() + event.tokens().output(),
                counters.isEmpty() ? 0 : Nanos.of(event.costUsd()));
    }

    private void settleNanos(long tokenCount, long nanos) {
        Reservation reservation = held;
        held = null;
        if (tokenCount <= 0 && counters.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<String> keys = new ArrayList<>(1 + 2 * counters.size());
        List<String> args = new ArrayList<>(4 + counters.size());
        args.add(Long.toString(Math.max(0, tokenCount)));
        if (tokenCount > 0) {
            keys.add("aigw:tpm:" + accessKeyId + ":" + now / 60_000);
        }
        args.add(reservation == null || reservation.nanos() == 0 ? "" : reservation.member() + ":" + reservation.nanos());
        args.add(Long.toString(nanos));
        args.add(Integer.toString(counters.size()));
        for (BudgetCounter c : counters) {
            keys.add(c.spendKey());
            keys.add(c.heldKey());
            args.add(Long.toString(c.ttlMillis(now)));
        }
        enforcer.settle(keys, args);
    }

    private Uni<Void> run(List<String> keys, List<String> args, Reservation reservation) {
        long now = System.currentTimeMillis();
        args.add(Integer.toString(counters.size()));
        args.add(reservation == null ? "-" : reservation.member());
        args.add(Long.toString(reservation == null ? 0 : reservation.nanos()));
        args.add(Long.toString(enforcer.budgets.reservationTtl().toMillis()));
        for (BudgetCounter c : counters) {
            keys.add(c.spendKey());
            keys.add(c.heldKey());
            args.add(Long.toString(c.limitNanos()));
            args.add(Long.toString(c.ttlMillis(now)));
        }
        return enforcer.admit(keys, args, counters).map(a -> {
            switch (a.code()) {
                case Admission.OVER_REQUESTS -> {
                    enforcer.metrics.refusedForRequests();
                    throw rateLimited("requests per minute (" + limits.requestsPerMinute() + ")");
                }
                case Admission.OVER_TOKENS -> {
                    enforcer.metrics.refusedForTokens();
                    throw rateLimited("tokens per minute (" + limits.tokensPerMinute() + ")");
                }
                case Admission.OVER_BUDGET -> {
                    enforcer.metrics.refusedForBudget();
                    BudgetCounter c = counters.get((int) a.budgetIndex());
                    throw new GatewayException(ErrorCode.BUDGET_EXCEEDED, "This request could cost up to "
                            + Nanos.usd(reservation.nanos()).toPlainString() + " USD, and " + c.describe() + " has "
                            + Nanos.usd(Math.max(0, a.left())).toPlainString() + " USD left.");
                }
                case Admission.ADMITTED -> {
                    admission = a;
                    held = reservation;
                    return null;
                }
                default -> throw new IllegalStateException("budget counters are missing after their rebuild");
            }
        });
    }

    /** The worst-case cost of an attempt in nano-USD: input tokens by jtokkit, the output bound, the dearest rates. */
    private Uni<Long> worstCase(PlannedAttempt attempt) {
        if (counters.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        Uni<Long> input = inputTokens >= 0 ? Uni.createFrom().item(inputTokens)
                : length <= INLINE_TOKENISED_BYTES ? Uni.createFrom().item(() -> enforcer.tokens.countExactly(body, length))
                : Uni.createFrom().completionStage(() -> enforcer.vertx.<Long>executeBlocking(
                        () -> enforcer.tokens.countExactly(body, length), false).toCompletionStage());
        return input.map(in -> {
            inputTokens = in;
            if (requestedOutput == null) {
                requestedOutput = WorstCase.requested(body, length);
            }
            if (!attempt.price().known()) {
                return 0L;
            }
            long out = WorstCase.outputTokens(requestedOutput, attempt.address(), surface, settings.maxOutputTokens(),
                    enforcer.budgets.defaultMaxOutputTokens());
            return Nanos.of(CostCalculator.worstCase(attempt.price().pricing(), in, out));
        });
    }

    /** Sets the key's own rate-limit headers and the budget left (before this request's reservation). */
    public void writeHeaders(MultiMap headers) {
        Admission a = admission;
        if (a == null) {
            return;
        }
        String reset = (60 - (System.currentTimeMillis() / 1000) % 60) + "s";
        if (limits.requestsPerMinute() != null) {
            headers.set("x-ratelimit-limit-requests", limits.requestsPerMinute().toString())
                    .set("x-ratelimit-remaining-requests", Long.toString(Math.max(0, limits.requestsPerMinute() - a.requests())))
                    .set("x-ratelimit-reset-requests", reset);
        }
        if (limits.tokensPerMinute() != null) {
            headers.set("x-ratelimit-limit-tokens", limits.tokensPerMinute().toString())
                    .set("x-ratelimit-remaining-tokens", Long.toString(Math.max(0, limits.tokensPerMinute() - a.tokens())))
                    .set("x-ratelimit-reset-tokens", reset);
        }
        if (!counters.isEmpty() && a.left() >= 0) {
            long reserved = held == null ? 0 : held.nanos();
            headers.set("x-aigw-budget-remaining-usd", Nanos.usd(a.left() + reserved).toPlainString());
        }
    }

    private GatewayException rateLimited(String what) {
        long now = System.currentTimeMillis();
        String retryAfter = Long.toString(Math.max(1, ((now / 60_000 + 1) * 60_000 - now + 999) / 1000));
        return new GatewayException(ErrorCode.RATE_LIMITED, 429, "This access key is over its limit of " + what
                + "; retry after " + retryAfter + " s.", null, Map.of("Retry-After", retryAfter));
    }

    private static String member() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
