package io.aigw.e2e.system.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The receiver decodes what OpenTelemetry's own OTLP marshaler writes, plain or gzip-compressed. */
class OtlpReceiverTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void shouldKeepEverySpanOfAnExportWithItsServiceIdsAttributesAndEvents() throws Exception {
        byte[] body = export();
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            assertEquals(200, post(receiver, body, false));
            assertEquals(200, post(receiver, gzip(body), true));

            List<ReceivedSpan> spans = receiver.trace(TRACE);
            assertEquals(2, spans.size());
            ReceivedSpan span = spans.get(0);
            assertEquals("gateway-service", span.service());
            assertEquals("gateway-2", span.instance());
            assertEquals("b7ad6b7169203331", span.spanId());
            assertEquals("00f067aa0ba902b7", span.parentSpanId());
            assertEquals("chat sim-chat", span.name());
            assertEquals(ReceivedSpan.Kind.CLIENT, span.kind());
            assertEquals("simulator", span.attribute("gen_ai.provider.name"));
            assertEquals(2L, span.attribute("aigw.attempt"));
            assertEquals(true, span.attribute("aigw.streaming"));
            assertEquals(List.of("stop", "length"), span.attribute("gen_ai.response.finish_reasons"));
            assertEquals("gen_ai.client.inference.operation.details", span.events().get(0).name());
            assertEquals("[]", span.events().get(0).attributes().get("gen_ai.input.messages"));
        }
    }

    private static byte[] export() throws Exception {
        var span = TestSpanData.builder()
                .setSpanContext(SpanContext.create(TRACE, "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault()))
                .setParentSpanContext(SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(),
                        TraceState.getDefault()))
                .setName("chat sim-chat").setKind(SpanKind.CLIENT)
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "gateway-service",
                        AttributeKey.stringKey("service.instance.id"), "gateway-2")))
                .setAttributes(Attributes.builder().put("gen_ai.provider.name", "simulator").put("aigw.attempt", 2L)
                        .put("aigw.streaming", true).put(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                                List.of("stop", "length")).build())
                .setEvents(List.of(EventData.create(1, "gen_ai.client.inference.operation.details",
                        Attributes.of(AttributeKey.stringKey("gen_ai.input.messages"), "[]"))))
                .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true).setStatus(StatusData.unset())
                .setTotalRecordedEvents(1).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(List.of(span)).writeBinaryTo(out);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }

    private static int post(OtlpReceiver receiver, byte[] body, boolean gzip) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
