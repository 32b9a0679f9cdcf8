package io.aigw.gateway.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link UsageEvent} as the JSON of `usage-events` (the golden fixture's shape): the same fields, order and
 * inclusion as Jackson's data binding of the record, byte for byte ({@code UsageEventJsonTest}), written straight to a
 * generator instead of through the record's bean serializer and its reflective accessors (issue 19: the event's JSON
 * was the largest single item of the usage sender's CPU).
 */
final class UsageEventJson {

    private UsageEventJson() {
    }

    static byte[] write(JsonFactory factory, UsageEvent e) throws IOException {
        try (ByteArrayBuilder out = new ByteArrayBuilder(1024)) {
            try (JsonGenerator g = factory.createGenerator(out)) {
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
            return out.toByteArray();
        }
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
