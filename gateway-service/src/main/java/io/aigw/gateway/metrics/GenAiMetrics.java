package io.aigw.gateway.metrics;

import io.aigw.gateway.usage.UsageEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry GenAI metrics of upstream attempts, beside the `aigw_*` ones: `gen_ai.client.token.usage`
 * (histogram by `gen_ai.token.type`), `gen_ai.client.operation.duration`, and for streams
 * `gen_ai.server.time_to_first_token` and `gen_ai.server.time_per_output_token`, with the conventions' bucket
 * boundaries. Labels: operation, provider, request model (capped per provider like the `aigw_*` model label), and
 * `error.type` (the status; empty on success) on the duration. Meters are looked up once per label set.
 */
@Singleton
public class GenAiMetrics {

    private static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
            4194304, 16777216, 67108864};
    private static final Duration[] DURATION_BUCKETS = seconds(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92);
    private static final Duration[] FIRST_TOKEN_BUCKETS = seconds(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1,
            0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
    private static final Duration[] PER_TOKEN_BUCKETS = seconds(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4,
            0.5, 0.75, 1.0, 2.5);

    private final MeterRegistry registry;
    private final ModelLabels models = new ModelLabels(GatewayMetrics.MAX_MODELS_PER_PROVIDER, GatewayMetrics.MAX_PROVIDERS);
    private final Map<Labels, Meters> meters = new ConcurrentHashMap<>();

    public GenAiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One upstream attempt, as its usage event tells it. */
    public void record(UsageEvent event) {
        boolean ok = event.status() >= 200 && event.status() < 300;
        Labels labels = new Labels(operation(event.surface()), event.providerId(), model(event), ok ? null
                : Integer.toString(event.status()));
        Meters m = meters.computeIfAbsent(labels, Meters::new);
        m.duration.record(event.latencyMs(), TimeUnit.MILLISECONDS);
        UsageEvent.Tokens tokens = event.tokens();
        if (tokens != null && (tokens.input() > 0 || tokens.output() > 0)) {
            m.inputTokens.record(tokens.input());
            m.outputTokens.record(tokens.output());
        }
        Long firstToken = event.timeToFirstTokenMs();
        if (event.streaming() && ok && firstToken != null) {
            m.timeToFirstToken.record(firstToken, TimeUnit.MILLISECONDS);
            if (tokens != null && tokens.output() > 1) {
                double perToken = (double) Math.max(0, event.latencyMs() - firstToken) / (tokens.output() - 1);
                m.timePerOutputToken.record((long) (perToken * 1_000_000), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** The request model label: the model id, capped per provider (later ones read `other`). */
    private String model(UsageEvent event) {
        String label = models.label(event.providerId() + ":" + event.modelId());
        int colon = label.indexOf(':');
        return colon >= 0 ? label.substring(colon + 1) : label;
    }

    /** `gen_ai.operation.name` of a surface id (GenAiAttributes' mapping, by id). */
    static String operation(String surface) {
        if (surface == null) {
            return "chat";
        }
        return switch (surface) {
            case "openai/completions" -> "text_completion";
            case "openai/embeddings" -> "embeddings";
            case "google/generate-content" -> "generate_content";
            default -> "chat";
        };
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos((long) (values[i] * 1e9));
        }
        return out;
    }

    private record Labels(String operation, String provider, String model, String errorType) {
    }

    private final class Meters {
        final Timer duration;
        final DistributionSummary inputTokens;
        final DistributionSummary outputTokens;
        final Timer timeToFirstToken;
        final Timer timePerOutputToken;

        Meters(Labels l) {
            String[] tags = {"gen_ai.operation.name", l.operation, "gen_ai.provider.name", l.provider,
                    "gen_ai.request.model", l.model};
            // Prometheus wants one set of label names per metric: a successful operation's error.type is empty (absent)
            this.duration = Timer.builder("gen_ai.client.operation.duration").tags(tags)
                    .tag("error.type", l.errorType == null ? "" : l.errorType)
                    .description("GenAI operation duration: one upstream attempt, request sent to answer end")
                    .serviceLevelObjectives(DURATION_BUCKETS).register(registry);
            this.inputTokens = tokens(tags, "input");
            this.outputTokens = tokens(tags, "output");
            this.timeToFirstToken = Timer.builder("gen_ai.server.time_to_first_token").tags(tags)
                    .description("Streams: time from the attempt's start to its first content chunk")
                    .serviceLevelObjectives(FIRST_TOKEN_BUCKETS).register(registry);
            this.timePerOutputToken = Timer.builder("gen_ai.server.time_per_output_token").tags(tags)
                    .description("Streams: time per output token after the first one")
                    .serviceLevelObjectives(PER_TOKEN_BUCKETS).register(registry);
        }

        private DistributionSummary tokens(String[] tags, String type) {
            return DistributionSummary.builder("gen_ai.client.token.usage").tags(tags).tag("gen_ai.token.type", type)
                    .description("Tokens used per upstream attempt (reported, else estimated), by token type")
                    .serviceLevelObjectives(TOKEN_BUCKETS).register(registry);
        }
    }
}
