package io.aigw.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The tests' span exporter, keeping spans in memory. Quarkus exports to every SpanExporter bean, so a service's tests
 * subclass it as a {@code @Singleton} bean (this jar is not a bean archive) and run under {@link Profile}.
 */
public class InMemorySpans implements SpanExporter {

    /** Tracing on, every request sampled, spans handed over as they end. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.simple", "true");
        }
    }

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    /** Waits (up to 10 s) until the finished spans of {@code traceId} match {@code expected}, and answers them all. */
    public List<SpanData> await(String traceId, Predicate<List<SpanData>> expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            List<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            if (expected.test(found)) {
                return found;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("spans of trace " + traceId + " never matched: " + found);
            }
            Thread.sleep(20);
        }
    }

    /** The one span of {@code kind} among {@code spans}; fails unless there is exactly one. */
    public static SpanData only(List<SpanData> spans, SpanKind kind) {
        List<SpanData> found = spans.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, found.size(), "one " + kind + " span: " + spans);
        return found.get(0);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        return spans.export(batch);
    }

    @Override
    public CompletableResultCode flush() {
        return spans.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return spans.shutdown();
    }
}
