package io.aigw.gateway.tracing;

import static io.aigw.gateway.tracing.GenAiAttributes.*;

import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.usage.UsageEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The spans of one sampled request: attributes on the server span, and one client span per upstream attempt, named
 * `{operation} {model}` as the GenAI conventions ask. An attempt's span ends with its usage event (its cost and final
 * outcome are known only then), at the time its outcome was settled. Runs on the request's event loop only.
 */
public final class RequestTrace {

    private static final TextMapSetter<MultiMap> HEADERS = (headers, name, value) -> headers.set(name, value);

    private final GatewayTracing tracing;
    private final Span server;
    private final Context parent;
    private final String operation;
    private Span attempt;
    private AnswerFacts facts;
    private AnswerFacts servedFacts;

    RequestTrace(GatewayTracing tracing, Span server, Surface surface, String requestId, AccessKeyRecord key,
            String requestedModel, boolean streaming) {
        this.tracing = tracing;
        this.server = server;
        this.parent = Context.root().with(server);
        this.operation = GenAiAttributes.operation(surface);
        server.setAttribute(OPERATION, operation);
        server.setAttribute(SURFACE, surface.id());
        server.setAttribute(STREAMING, streaming);
        if (requestedModel != null) {
            server.setAttribute(REQUEST_MODEL, requestedModel);
        }
        if (requestId != null) {
            server.setAttribute(REQUEST_ID, requestId);
        }
        server.setAttribute(ACCESS_KEY, key.publicId());
        if (key.configurationId() != null) {
            server.setAttribute(CONFIGURATION, key.configurationId());
        }
    }

    /** The trace id, as the usage events carry it. */
    public String traceId() {
        return server.getSpanContext().getTraceId();
    }

    /** Opens the client span of attempt {@code number}, which sends {@code payload} upstream. */
    public void attemptStarted(PlannedAttempt planned, int number, Buffer payload) {
        ContentCapture capture = tracing.capture;
        facts = new AnswerFacts(capture == null ? null : new OutputText(capture.maxChars));
        var builder = tracing.tracer.spanBuilder(operation + " " + planned.address().upstreamModelId())
                .setSpanKind(SpanKind.CLIENT).setParent(parent)
                .setAttribute(OPERATION, operation)
                .setAttribute(PROVIDER, planned.address().provider().id())
                .setAttribute(REQUEST_MODEL, planned.address().upstreamModelId())
                .setAttribute(SERVED_MODEL, planned.address().canonical())
                .setAttribute(ATTEMPT, (long) number);
        if (planned.key() != null) {
            builder.setAttribute(PROVIDER_KEY, planned.key().id());
        }
        if (capture != null) {
            String input = capture.input(payload.getBytes());
            if (input != null) {
                builder.setAttribute(INPUT_MESSAGES, input);
            }
        }
        attempt = builder.startSpan();
    }

    /** Adds the attempt's `traceparent` to the upstream request when the gateway propagates to providers. */
    public void inject(MultiMap headers) {
        if (tracing.propagateUpstream && attempt != null) {
            tracing.propagator.inject(parent.with(attempt), headers, HEADERS);
        }
    }

    /** Reads the answering model and finish reasons out of upstream bytes (a body, or a burst of events). */
    public void observe(Buffer answer) {
        if (facts != null) {
            facts.scan(answer.toString(StandardCharsets.UTF_8));
        }
    }

    /** The attempt's outcome is settled: its span is held until its usage event exists. */
    public Ended attemptSettled() {
        Ended ended = attempt == null ? null : new Ended(attempt, facts, Instant.now());
        attempt = null;
        return ended;
    }

    /** Ends an attempt's span with the facts of its usage event. */
    public void attemptEnded(Ended ended, UsageEvent event) {
        Span span = ended.span;
        describe(span, event, ended.facts);
        span.setAttribute(FAILOVER_ACTION, event.outcome());
        if (ended.facts != null && ended.facts.text != null) {
            String output = ContentCapture.output(ended.facts.text, ended.facts.finishReasons());
            if (output != null) {
                span.setAttribute(OUTPUT_MESSAGES, output);
            }
        }
        if (event.status() < 200 || event.status() >= 300) {
            span.setAttribute(ERROR_TYPE, event.status() == 0 ? "connection" : Integer.toString(event.status()));
            span.setStatus(StatusCode.ERROR);
        }
        span.end(ended.at);
        if (event.isFinal() && "success".equals(event.outcome())) {
            servedFacts = ended.facts;
        }
    }

    /** The request's last usage event is out ({@code last} null: no attempt was made): the server span's attributes. */
    public void requestEnded(UsageEvent last) {
        if (last == null) {
            return;
        }
        server.setAttribute(ATTEMPTS, (long) last.attempt());
        server.setAttribute(FAILOVER_ACTION, last.outcome());
        if ("success".equals(last.outcome())) {
            describe(server, last, servedFacts);
        }
    }

    /** The request failed with the gateway error {@code code}. */
    public void failed(String code) {
        server.setAttribute(ERROR_TYPE, code);
    }

    private static void describe(Span span, UsageEvent event, AnswerFacts facts) {
        span.setAttribute(PROVIDER, event.providerId());
        span.setAttribute(SERVED_MODEL, event.providerId() + ":" + event.modelId());
        span.setAttribute(HTTP_STATUS, (long) event.status());
        String responseModel = facts == null || facts.model() == null ? event.modelId() : facts.model();
        span.setAttribute(RESPONSE_MODEL, responseModel);
        if (facts != null && !facts.finishReasons().isEmpty()) {
            span.setAttribute(FINISH_REASONS, facts.finishReasons());
        }
        if (event.tokens() != null) {
            span.setAttribute(INPUT_TOKENS, event.tokens().input());
            span.setAttribute(OUTPUT_TOKENS, event.tokens().output());
        }
        if (event.costUsd() != null) {
            span.setAttribute(COST_USD, event.costUsd().toPlainString());
            span.setAttribute(COST_SOURCE, event.costSource());
        }
        if (event.timeToFirstTokenMs() != null) {
            span.setAttribute(TIME_TO_FIRST_TOKEN_MS, event.timeToFirstTokenMs());
        }
        if (event.providerKeyId() != null) {
            span.setAttribute(PROVIDER_KEY, event.providerKeyId());
        }
    }

    /** An attempt whose outcome is settled and whose span waits for its usage event. */
    public record Ended(Span span, AnswerFacts facts, Instant at) {
    }
}
