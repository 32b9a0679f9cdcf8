package io.aigw.kit.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Carries a change's trace across the outbox: the writer keeps the admin request's span as a W3C `traceparent` in
 * the row, the relay makes it the parent of the Kafka producer span (SmallRye's Kafka tracing then puts the context
 * in the record headers, and every consumer's span continues it). Without tracing, or for an unsampled request,
 * nothing is kept.
 */
final class OutboxTrace {

    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private OutboxTrace() {
    }

    /** The current sampled span as a `traceparent`, else null. */
    static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid() || !span.isSampled()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** {@code message} with the row's trace as its parent ({@code traceparent} null: unchanged). */
    static <T> Message<T> continued(Message<T> message, String traceparent) {
        if (traceparent == null) {
            return message;
        }
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT);
        return message.addMetadata(TracingMetadata.with(parent, parent));
    }
}
