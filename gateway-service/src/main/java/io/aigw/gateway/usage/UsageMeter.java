package io.aigw.gateway.usage;

import io.aigw.gateway.routing.PlannedAttempt;
import java.time.Instant;
import jakarta.inject.Singleton;

/**
 * Turns one finished upstream attempt into a usage event (tokens, cost), hands it to the publisher and counts
 * it in the usage metrics.
 */
@Singleton
public class UsageMeter {

    private final UsagePublisher publisher;
    private final TokenEstimator estimator;
    private final UsageMetrics metrics;
    private final io.aigw.gateway.metrics.GenAiMetrics genAi;

    public UsageMeter(UsagePublisher publisher, TokenEstimator estimator, UsageMetrics metrics,
            io.aigw.gateway.metrics.GenAiMetrics genAi) {
        this.genAi = genAi;
        this.publisher = publisher;
        this.estimator = estimator;
        this.metrics = metrics;
    }

    /** What an attempt consumed when the provider did not say: counted over request and answer JSON. */
    public UsageEvent.Tokens estimate(byte[] request, int requestLength, long outputTokens) {
        return UsageEvent.Tokens.of(estimator.count(request, requestLength), outputTokens, 0, 0, true);
    }

    public long countTokens(byte[] utf8, int length) {
        return estimator.count(utf8, length);
    }

    /** Publishes the event of one attempt; answers it (for the limit counters). */
    public UsageEvent record(Attempt a) {
        UsageEvent event = event(a);
        publisher.publish(event);
        metrics.record(event);
        genAi.record(event);
        return event;
    }

    /** Publishes an event that is no attempt (a request whose every candidate was left out): not in the metrics. */
    public void publishOnly(Attempt a) {
        publisher.publish(event(a));
    }

    private UsageEvent event(Attempt a) {
        PlannedAttempt planned = a.planned();
        UsageEvent.Tokens tokens = a.tokens() == null ? UsageEvent.Tokens.NONE : a.tokens();
        // an attempt that failed without any usage (an error status, a timeout) is not charged, not even a request fee
        CostCalculator.Cost cost = a.tokens() == null && (a.status() < 200 || a.status() >= 300)
                ? new CostCalculator.Cost(java.math.BigDecimal.ZERO, planned.price().source())
                : CostCalculator.cost(planned.price(), tokens);
        UsageEvent event = new UsageEvent(EventIds.next(), a.requestId(), a.accessKeyId(),
                a.configurationId(), planned.address().provider().id(), planned.address().modelId(),
                planned.key() == null ? null : planned.key().id(), a.surface(), a.number(), a.isFinal(), a.status(),
                a.outcome(), a.streaming(), tokens, cost.usd(), cost.source(), a.latencyMs(),
                a.timeToFirstTokenMs(), Instant.now().toString(), a.traceId(), a.firewall(), a.skipped(), a.auto());
        return event;
    }

    /**
     * Publishes the event of a request the gateway refused before any attempt (the firewall): attempt 0, final,
     * {@code status} and {@code outcome} as answered, nothing consumed and nothing charged; the model is the one the
     * request would have tried first. Not counted in the token, cost or GenAI metrics: no provider was called.
     */
    public UsageEvent refused(Attempt a) {
        PlannedAttempt planned = a.planned();
        UsageEvent event = new UsageEvent(EventIds.next(), a.requestId(), a.accessKeyId(), a.configurationId(),
                planned.address().provider().id(), planned.address().modelId(), null, a.surface(), 0, true, a.status(),
                a.outcome(), a.streaming(), UsageEvent.Tokens.NONE, java.math.BigDecimal.ZERO, "none", a.latencyMs(), null,
                Instant.now().toString(), a.traceId(), a.firewall(), a.skipped(), a.auto());
        publisher.publish(event);
        return event;
    }

    /** One attempt's facts, gathered by the exchange. */
    public record Attempt(String requestId, String accessKeyId, String configurationId, String surface,
            PlannedAttempt planned, int number, boolean isFinal, int status, String outcome, boolean streaming,
            UsageEvent.Tokens tokens, long latencyMs, Long timeToFirstTokenMs, String traceId,
            java.util.List<UsageEvent.FirewallDecision> firewall, java.util.List<UsageEvent.Skipped> skipped,
            String auto) {

        /** The request's last attempt; {@code laterSkipped}: candidates left out after it, added to its own. */
        public Attempt asFinal(java.util.List<UsageEvent.Skipped> laterSkipped) {
            String finalOutcome = "success".equals(outcome) || "client_cancelled".equals(outcome) ? outcome : "error";
            java.util.List<UsageEvent.Skipped> all = skipped;
            if (!laterSkipped.isEmpty()) {
                all = new java.util.ArrayList<>(skipped);
                all.addAll(laterSkipped);
            }
            return new Attempt(requestId, accessKeyId, configurationId, surface, planned, number, true, status,
                    finalOutcome, streaming, tokens, latencyMs, timeToFirstTokenMs, traceId, firewall, all, auto);
        }
    }
}
