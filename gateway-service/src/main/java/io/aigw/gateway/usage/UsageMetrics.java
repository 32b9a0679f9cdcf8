package io.aigw.gateway.usage;

import io.aigw.gateway.metrics.LabelCap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Meters of what attempts consumed: tokens (`aigw_tokens_total{key,model,kind=input|output}`) and cost
 * (`aigw_cost_usd_total{key,model}`) by access key and model, and the time to first token of streams
 * (`aigw_time_to_first_token_seconds{provider,model}`, a histogram). Meters are looked up once per label set;
 * key and model labels are capped ({@link LabelCap}).
 */
@Singleton
public class UsageMetrics {

    static final int MAX_KEYS = 1_000;
    static final int MAX_MODELS_PER_PROVIDER = 100;

    private final MeterRegistry registry;
    private final LabelCap keys = new LabelCap(MAX_KEYS);
    private final io.aigw.gateway.metrics.ModelLabels models =
            new io.aigw.gateway.metrics.ModelLabels(MAX_MODELS_PER_PROVIDER, 200);
    private final Map<String, KeyModelMeters> byKeyModel = new ConcurrentHashMap<>();
    private final Map<String, Timer> timeToFirstToken = new ConcurrentHashMap<>();

    public UsageMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(UsageEvent event) {
        String model = models.label(event.providerId() + ":" + event.modelId());
        if (event.costUsd() != null || event.tokens().input() > 0 || event.tokens().output() > 0) {
            String key = keys.label(event.accessKeyId());
            KeyModelMeters meters = byKeyModel.computeIfAbsent(key + "|" + model, k -> new KeyModelMeters(key, model));
            meters.input.increment(event.tokens().input());
            meters.output.increment(event.tokens().output());
            if (event.costUsd() != null) {
                meters.cost.increment(event.costUsd().doubleValue());
            }
        }
        if (event.streaming() && event.timeToFirstTokenMs() != null) {
            timeToFirstToken.computeIfAbsent(event.providerId() + "|" + model, k -> Timer
                    .builder("aigw.time.to.first.token").tags("provider", event.providerId(), "model", model)
                    .description("Streams: request start to the first upstream chunk relayed, by provider and model")
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(2)).register(registry))
                    .record(event.timeToFirstTokenMs(), TimeUnit.MILLISECONDS);
        }
    }

    private final class KeyModelMeters {
        final Counter input;
        final Counter output;
        final Counter cost;

        KeyModelMeters(String key, String model) {
            input = tokens(key, model, "input");
            output = tokens(key, model, "output");
            cost = Counter.builder("aigw.cost.usd").tags("key", key, "model", model)
                    .description("Cost of upstream attempts in USD (catalog pricing), by access key and model")
                    .register(registry);
        }

        private Counter tokens(String key, String model, String kind) {
            return Counter.builder("aigw.tokens").tags("key", key, "model", model, "kind", kind)
                    .description("Tokens of upstream attempts (reported, else estimated), by access key and model")
                    .register(registry);
        }
    }
}
