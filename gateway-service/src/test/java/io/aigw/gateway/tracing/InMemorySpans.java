package io.aigw.gateway.tracing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.Predicate;

/** The tests' span exporter (Quarkus exports to every SpanExporter bean): spans are kept in memory. */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /** Waits (up to 10 s) until {@code expected} finished spans of {@code traceId} match, and answers them all. */
    public static List<SpanData> await(InMemorySpanExporter exporter, String traceId, Predicate<List<SpanData>> expected)
            throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (true) {
            List<SpanData> spans = exporter.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(traceId)).toList();
            if (expected.test(spans)) {
                return spans;
            }
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("spans of trace " + traceId + " never matched: " + spans);
            }
            Thread.sleep(20);
        }
    }
}
