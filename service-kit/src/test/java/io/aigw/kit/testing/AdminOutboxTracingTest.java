package io.aigw.kit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * An admin change's trace goes through the outbox, checked the same way in each admin service (a {@code @QuarkusTest}
 * subclass under {@link InMemorySpans.Profile}, with an {@link InMemorySpans} bean, supplies the write and its topic):
 * the admin call continues the caller's trace, the relay's producer span on the topic is part of it, and the record
 * carries that producer span in its `traceparent` header, which every gateway replica's consumer span continues.
 */
public abstract class AdminOutboxTracingTest {

    @Inject
    InMemorySpans spans;

    /** The caller's trace id (32 hex digits), distinct per service. */
    protected abstract String trace();

    /** The caller's span id (16 hex digits). */
    protected abstract String caller();

    /** The topic the change is published on, e.g. {@code config-changes}. */
    protected abstract String topic();

    /**
     * Makes one admin write with the {@code traceparent} request header and answers the record it published on
     * {@link #topic()} (reading from the topic's end before the write).
     */
    protected abstract ConsumerRecord<String, String> writeAndAwaitRecord(String traceparent) throws Exception;

    @Test
    void shouldCarryTheAdminCallsTraceThroughTheProducerSpanIntoTheRecordHeaders() throws Exception {
        ConsumerRecord<String, String> record = writeAndAwaitRecord("00-" + trace() + "-" + caller() + "-01");
        Header header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "the record carries the trace context");
        String traceparent = new String(header.value(), StandardCharsets.UTF_8);

        List<SpanData> found = spans.await(trace(), s -> s.stream().anyMatch(d -> d.getKind() == SpanKind.PRODUCER)
                && s.stream().anyMatch(d -> d.getKind() == SpanKind.SERVER));
        SpanData server = InMemorySpans.only(found, SpanKind.SERVER);
        assertEquals(caller(), server.getParentSpanId(), "the admin call continues the caller's trace");
        SpanData producer = InMemorySpans.only(found, SpanKind.PRODUCER);
        assertTrue(producer.getName().contains(topic()), producer.getName());
        assertEquals("00-" + trace() + "-" + producer.getSpanId() + "-01", traceparent,
                "the record's header is the producer span: consumers become its children");
    }
}
