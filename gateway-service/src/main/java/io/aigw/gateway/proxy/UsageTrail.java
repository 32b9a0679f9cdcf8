package io.aigw.gateway.proxy;

import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.firewall.Finding;
import io.aigw.gateway.limits.RequestLimits;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.Skip;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.tracing.RequestTrace;
import io.aigw.gateway.usage.UsageEvent;
import io.aigw.gateway.usage.UsageExtractor;
import io.aigw.gateway.usage.UsageMeter;
import io.netty.buffer.ByteBuf;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The usage events of one request's attempts. An attempt's event is held until it is known whether it was
 * the last one (`final`), then published; the publisher never delays the response.
 */
final class UsageTrail {

    private final UsageMeter meter;
    private final String requestId;
    private final AccessKeyRecord key;
    private final Surface surface;
    private final RequestBody body;
    private final RequestLimits limits;
    /** The request's spans, null when it is not traced. */
    private final RequestTrace trace;
    private final String traceId;
    private UsageMeter.Attempt pending;
    /** Firewall matches since the last attempt was noted: they go on the next attempt's event. */
    private final java.util.List<UsageEvent.FirewallDecision> firewall = new java.util.ArrayList<>();
    private RequestTrace.Ended pendingSpan;
    /** Candidates left out since the last attempt was noted: they go on the next attempt's event (or the last one's). */
    private final java.util.List<UsageEvent.Skipped> skipped = new java.util.ArrayList<>(0);
    /** Why `aigw/auto` chose its candidates, until the first attempt's event carries it; else null. */
    private String auto;

    UsageTrail(UsageMeter meter, RequestLimits limits, String requestId, AccessKeyRecord key, Surface surface,
            RequestBody body, RequestTrace trace) {
        this.trace = trace;
        this.traceId = trace == null ? null : trace.traceId();
        this.limits = limits;
        this.meter = meter;
        this.requestId = requestId;
        this.key = key;
        this.surface = surface;
        this.body = body;
    }

    /** Notes the outcome of attempt {@code number}; the previous one, if still held, was not the last. */
    void done(PlannedAttempt attempt, int number, long startedNanos, int status, String outcome,
            UsageEvent.Tokens tokens, Long timeToFirstTokenMs) {
        flush(false);
        pending = new UsageMeter.Attempt(requestId, key.id(), key.configurationId(), surface.id(), attempt, number,
                false, status, outcome, body.stream() && surface.streamable(), tokens,
                (System.nanoTime() - startedNanos) / 1_000_000, timeToFirstTokenMs, traceId, java.util.List.copyOf(firewall),
                java.util.List.copyOf(skipped), auto);
        firewall.clear();
        skipped.clear();
        auto = null;
        if (trace != null) {
            pendingSpan = trace.attemptSettled();
        }
    }

    /** Firewall matches for the attempt under way (or, before any, the request's first attempt). */
    void firewall(java.util.List<Finding> findings) {
        firewall.addAll(decisions(findings));
    }

    private static java.util.List<UsageEvent.FirewallDecision> decisions(java.util.List<Finding> findings) {
        return findings.stream().map(f -> new UsageEvent.FirewallDecision(f.policyId(), f.ruleId(), f.tier().id(),
                f.action().label(), f.target().id(), f.type())).toList();
    }

    /**
     * The usage event of a request the firewall refused before any attempt: in the ledger and the attempt trace as
     * attempt 0 with status 400 and outcome {@code firewall_blocked}, nothing charged, the rules that matched.
     */
    static void refused(UsageMeter meter, HttpServerRequest request, Surface surface, AccessKeyRecord key,
            PlannedAttempt first, RequestBody body, java.util.List<Finding> findings, long arrivedNanos, Span serverSpan) {
        meter.refused(new UsageMeter.Attempt(request.response().headers().get(GatewayHeaders.REQUEST_ID), key.id(),
                key.configurationId(), surface.id(), first, 0, true, 400, "firewall_blocked",
                body.stream() && surface.streamable(), null, (System.nanoTime() - arrivedNanos) / 1_000_000, null,
                serverSpan == null ? null : serverSpan.getSpanContext().getTraceId(), decisions(findings), null, null));
    }

    /** Candidates left out: on the next attempt's event, or the last one's when none follows. */
    void skipped(java.util.List<Skip> skips) {
        for (Skip s : skips) {
            skipped.add(new UsageEvent.Skipped(s.model(), s.providerKeyId(), s.reason(), s.detail()));
        }
    }

    /** Why `aigw/auto` chose (X-AIGW-Auto's text): on the first attempt's event. */
    void auto(String why) {
        auto = why;
    }

    /**
     * The request ends with no attempt made, every candidate left out (all cooling down, say): one event of attempt 0,
     * final, outcome `skipped`, cost 0, on the first planned candidate, so that the attempt trace shows why. Not counted
     * in the attempt metrics (nothing was sent). Nothing when no candidate was left out.
     */
    void nothingAttempted(PlannedAttempt first, int status) {
        if (pending != null || skipped.isEmpty()) {
            return;
        }
        UsageMeter.Attempt none = new UsageMeter.Attempt(requestId, key.id(), key.configurationId(), surface.id(), first, 0,
                true, status, "skipped", body.stream() && surface.streamable(), null, 0, null, traceId,
                java.util.List.copyOf(firewall), java.util.List.copyOf(skipped), auto);
        skipped.clear();
        firewall.clear();
        meter.publishOnly(none);
    }

    /** Publishes the held event, as the request's last when {@code isFinal}. */
    void flush(boolean isFinal) {
        UsageMeter.Attempt done = pending;
        if (done != null) {
            pending = null;
            UsageEvent event = meter.record(isFinal ? done.asFinal(java.util.List.copyOf(skipped)) : done);
            if (isFinal) {
                skipped.clear();
            }
            limits.settle(event);
            if (pendingSpan != null) {
                trace.attemptEnded(pendingSpan, event);
                pendingSpan = null;
            }
            if (isFinal && trace != null) {
                trace.requestEnded(event);
            }
        }
    }

    /** Tokens of a whole answer: the provider's `usage`, else an estimate over request and answer. */
    UsageEvent.Tokens ofBody(Buffer content) {
        ByteBuf buf = content.getByteBuf();
        byte[] bytes;
        int offset;
        int length = buf.readableBytes();
        if (buf.hasArray()) { // read in place: an answer of up to the cap is not copied again
            bytes = buf.array();
            offset = buf.arrayOffset() + buf.readerIndex();
        } else {
            bytes = content.getBytes();
            offset = 0;
        }
        UsageEvent.Tokens reported = UsageExtractor.fromJson(bytes, offset, length);
        if (reported != null) {
            return reported;
        }
        if (offset != 0) {
            bytes = content.getBytes();
        }
        return meter.estimate(body.bytes(), body.length(), meter.countTokens(bytes, length));
    }

    /** Tokens of a stream: the `usage` its events carried, else an estimate (answer bytes / 4). */
    UsageEvent.Tokens ofStream(UsageEvent.Tokens reported, long relayedBytes) {
        return reported != null ? reported : meter.estimate(body.bytes(), body.length(), relayedBytes / 4);
    }
}
