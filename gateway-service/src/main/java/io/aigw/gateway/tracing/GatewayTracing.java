package io.aigw.gateway.tracing;

import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.routing.Surface;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's tracing switch and tools. Quarkus opens the server span of each `/v1` request (continuing a client's
 * `traceparent`); the gateway adds its GenAI and AIGW attributes to it and opens a client span per upstream attempt
 * ({@link RequestTrace}). With tracing off (`quarkus.otel.sdk.disabled`, the default) or a request not sampled, the
 * request path does one boolean check and allocates nothing.
 */
@Singleton
public class GatewayTracing {

    final Tracer tracer;
    final TextMapPropagator propagator;
    /** Whether attempts carry a `traceparent` to providers (`aigw.gateway.trace-propagation-upstream`). */
    final boolean propagateUpstream;
    /** Prompt and completion text on the attempts' spans, when the operator turned content capture on; else null. */
    final ContentCapture capture;
    private final boolean enabled;

    public GatewayTracing(OpenTelemetry openTelemetry, GatewayConfig config,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        this.enabled = !sdkDisabled;
        this.tracer = openTelemetry.getTracer("io.aigw.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.propagateUpstream = config.tracePropagationUpstream();
        this.capture = config.traceContentCapture() ? new ContentCapture(Math.max(config.traceContentMaxChars(), 0)) : null;
    }

    /** The sampled server span of the request whose route handler is running, else null. */
    public Span serverSpan() {
        if (!enabled) {
            return null;
        }
        Span span = Span.current();
        return span.isRecording() ? span : null;
    }

    /** Starts tracing one proxied request under its server span ({@code server} null: not traced, answers null). */
    public RequestTrace begin(Span server, Surface surface, String requestId, AccessKeyRecord key, String requestedModel,
            boolean streaming) {
        return server == null ? null : new RequestTrace(this, server, surface, requestId, key, requestedModel, streaming);
    }
}
