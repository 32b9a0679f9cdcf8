package io.aigw.gateway.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link UsageEvent} as the JSON of `usage-events` (the golden fixture's shape): the same fields, order and
 * inclusion as Jackson's data binding of the record, byte for byte ({@code UsageEventJsonTest}), written straight to a
 * generator instead of through the record's bean serializer and its reflective accessors (issue 19: the event's JSON
 * was the largest single item of the usage sender's CPU). One instance belongs to one thread (the sender's): it keeps
 * its generator and its buffer from one event to the next, so that an event costs one array of its exact size (issue
 * 19: a generator, its contexts and a 1 KiB buffer per event were a tenth of the gateway's allocations at c=32).
 */
final class UsageEventJson {

    private final JsonFactory factory;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    /** Null until the first event, and again after a write that failed half-way (its object left open). */
    private JsonGenerator generator;

    UsageEventJson(JsonFactory factory) {
        this.factory = factory;
    }

    /** The event's JSON, exactly what a generator of its own would write. */
    byte[] write(UsageEvent e) throws IOException {
        out.reset();
        boolean written = false;
        try {
            JsonGenerator g = generator();
            event(g, e);
            g.flush();
            written = true;
            return out.toByteArray();
        } finally {
            if (!written) {
                generator = null; // an object left open: the next event starts on a new generator
            }
        }
    }

    /** Successive events are root values of one generator: without a separator between them, each is written alone. */
    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = factory.createGenerator(out);
            generator.setRootValueSeparator(null);
        }
        return generator;
    }

    private static void event(JsonGenerator g, UsageEvent e) throws IOException {
        g.writeStartObject();
        string(g, "eventId", e.eventId());
        string(g, "requestId", e.requestId());
        string(g, "accessKeyId", e.accessKeyId());
        string(g, "configurationId", e.configurationId());
        string(g, "providerId", e.providerId());
        string(g, "modelId", e.modelId());
        string(g, "providerKeyId", e.providerKeyId());
        string(g, "surface", e.surface());
        g.writeNumberField("attempt", e.attempt());
        g.writeBooleanField("final", e.isFinal());
        g.writeNumberField("status", e.status());
        string(g, "outcome", e.outcome());
        g.writeBooleanField("streaming", e.streaming());
        tokens(g, e.tokens());
        g.writeFieldName("costUsd");
        if (e.costUsd() == null) {
            g.writeNull();
        } else {
            g.writeNumber(e.costUsd());
        }
        string(g, "costSource", e.costSource());
        g.writeNumberField("latencyMs", e.latencyMs());
        g.writeFieldName("timeToFirstTokenMs");
        if (e.timeToFirstTokenMs() == null) {
            g.writeNull();
        } else {
            g.writeNumber(e.timeToFirstTokenMs());
        }
        string(g, "occurredAt", e.occurredAt());
        string(g, "traceId", e.traceId());
        firewall(g, e.firewall());
        skipped(g, e.skipped());
        if (e.auto() != null) {
            g.writeStringField("auto", e.auto());
        }
        g.writeEndObject();
    }

    private static void tokens(JsonGenerator g, UsageEvent.Tokens t) throws IOException {
        g.writeFieldName("tokens");
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("input", t.input());
        g.writeNumberField("output", t.output());
        g.writeNumberField("cachedInput", t.cachedInput());
        g.writeNumberField("cacheWrite", t.cacheWrite());
        g.writeNumberField("cacheWrite1h", t.cacheWrite1h());
        g.writeNumberField("reasoning", t.reasoning());
        g.writeBooleanField("estimated", t.estimated());
        g.writeEndObject();
    }

    /** Absent when null or empty (the record's {@code NON_EMPTY}). */
    private static void firewall(JsonGenerator g, List<UsageEvent.FirewallDecision> decisions) throws IOException {
        if (decisions == null || decisions.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("firewall");
        for (UsageEvent.FirewallDecision d : decisions) {
            g.writeStartObject();
            string(g, "policyId", d.policyId());
            string(g, "ruleId", d.ruleId());
            string(g, "tier", d.tier());
            string(g, "action", d.action());
            string(g, "target", d.target());
            string(g, "type", d.type());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Absent when null or empty (the record's {@code NON_EMPTY}). */
    private static void skipped(JsonGenerator g, List<UsageEvent.Skipped> skipped) throws IOException {
        if (skipped == null || skipped.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("skipped");
        for (UsageEvent.Skipped s : skipped) {
            g.writeStartObject();
            string(g, "model", s.model());
            string(g, "providerKeyId", s.providerKeyId());
            string(g, "reason", s.reason());
            string(g, "detail", s.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A string field, null written as null (the record's default inclusion). */
    private static void string(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
