package io.aigw.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus meters of the request path, looked up once per label set and then reused (no registry
 * look-up per request). Model labels are capped per provider: past {@link #MAX_MODELS_PER_PROVIDER} distinct
 * models of one provider the label reads `<provider>:other`, so clients cannot blow up the series count, and one
 * provider's pass-through names never push another provider's models out.
 */
@Singleton
public class GatewayMetrics {

    /** Distinct model labels per provider; later ones read `<provider>:other`. */
    static final int MAX_MODELS_PER_PROVIDER = 100;
    static final int MAX_PROVIDERS = 200;
    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<Labels, Counter> requests = new ConcurrentHashMap<>();
    private final Map<Labels, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<String, Counter> failovers = new ConcurrentHashMap<>();
    private volatile Counter retryBudgetSpent;
    private final Map<Labels, Timer> upstreamLatency = new ConcurrentHashMap<>();
    private final ModelLabels models = new ModelLabels(MAX_MODELS_PER_PROVIDER, MAX_PROVIDERS);
    private final Map<String, Timer> addedLatency = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished client request. */
    public void request(String surface, String provider, String model, int status) {
        requests.computeIfAbsent(new Labels(surface, orNone(provider), model(model), status), l -> Counter
                .builder("aigw.requests").description("Client requests by surface, serving provider/model and status")
                .tags("surface", l.a, "provider", l.b, "model", l.c, "status", Integer.toString(l.status))
                .register(registry)).increment();
    }

    /** One upstream attempt with its outcome status (0 = no HTTP answer) and duration. */
    public void attempt(String provider, String model, int status, long nanos) {
        Labels labels = new Labels(provider, model(model), "", status);
        attempts.computeIfAbsent(labels, l -> Counter.builder("aigw.upstream.attempts")
                .description("Upstream attempts by provider, model and status (0 = timeout or connection error)")
                .tags("provider", l.a, "model", l.b, "status", Integer.toString(l.status)).register(registry))
                .increment();
        upstreamLatency.computeIfAbsent(new Labels(provider, labels.b, "", 0), l -> Timer
                .builder("aigw.upstream.latency").description("Upstream time to response headers")
                .tags("provider", l.a, "model", l.b).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** What the gateway added to a request answered by its first attempt (its time minus the upstream's). */
    public void addedLatency(String surface, long nanos) {
        addedLatency.computeIfAbsent(surface, s -> Timer.builder("aigw.added.latency").tag("surface", s)
                .description("Time the gateway added to requests answered by their first attempt: arrival to answer "
                        + "(a stream: its first events) minus the upstream's time for it")
                .publishPercentileHistogram().minimumExpectedValue(java.time.Duration.ofNanos(20_000))
                .maximumExpectedValue(java.time.Duration.ofSeconds(1)).register(registry))
                .record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** One move to another attempt, by reason (`auth`, `rate_limited`, `retry_after`, `server_error`, `timeout`, `connection`). */
    /** A request stopped before a further attempt because this replica's retry budget was spent. */
    public void retryBudgetSpent() {
        if (retryBudgetSpent == null) {
            retryBudgetSpent = Counter.builder("aigw.retry.budget.exhausted")
                    .description("Requests stopped before a further attempt: the retry budget was spent").register(registry);
        }
        retryBudgetSpent.increment();
    }

    public void failover(String reason) {
        failovers.computeIfAbsent(reason, r -> Counter.builder("aigw.failovers")
                .description("Moves to a next attempt, by reason").tag("reason", r).register(registry)).increment();
    }

    private String model(String model) {
        return models.label(model);
    }

    private static String orNone(String s) {
        return s == null ? NONE : s;
    }

    private record Labels(String a, String b, String c, int status) {
    }
}
