package io.aigw.e2e.system.otlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an OTLP `ExportTraceServiceRequest` (protobuf) into {@link ReceivedSpan}s. Field numbers from
 * opentelemetry-proto's `trace/v1/trace.proto` and `common/v1/common.proto`; fields not listed are skipped.
 */
final class TraceRequestDecoder {

    private TraceRequestDecoder() {
    }

    static List<ReceivedSpan> decode(byte[] body) {
        List<ReceivedSpan> spans = new ArrayList<>();
        WireReader request = new WireReader(body);
        while (request.more()) {
            int tag = request.tag();
            if (tag >>> 3 == 1) { // resource_spans
                resourceSpans(request.message(), spans);
            } else {
                request.skip(tag);
            }
        }
        return spans;
    }

    private static void resourceSpans(WireReader in, List<ReceivedSpan> out) {
        Map<String, Object> resource = Map.of();
        List<WireReader> scopes = new ArrayList<>();
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 1 -> resource = attributesOf(in.message(), 1);
                case 2 -> scopes.add(in.message());
                default -> in.skip(tag);
            }
        }
        for (WireReader scope : scopes) {
            while (scope.more()) {
                int tag = scope.tag();
                if (tag >>> 3 == 2) {
                    out.add(span(scope.message(), resource));
                } else {
                    scope.skip(tag);
                }
            }
        }
    }

    private static ReceivedSpan span(WireReader in, Map<String, Object> resource) {
        String traceId = "", spanId = "", parent = "", name = "";
        int kind = 0;
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<ReceivedSpan.Event> events = new ArrayList<>();
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 1 -> traceId = WireReader.hex(in.bytes());
                case 2 -> spanId = WireReader.hex(in.bytes());
                case 4 -> parent = WireReader.hex(in.bytes());
                case 5 -> name = in.string();
                case 6 -> kind = (int) in.varint();
                case 9 -> keyValue(in.message(), attributes);
                case 11 -> events.add(event(in.message()));
                default -> in.skip(tag);
            }
        }
        return new ReceivedSpan(String.valueOf(resource.get("service.name")), Collections.unmodifiableMap(resource), traceId,
                spanId, parent, name, ReceivedSpan.Kind.values()[kind], attributes, events);
    }

    private static ReceivedSpan.Event event(WireReader in) {
        String name = "";
        Map<String, Object> attributes = new LinkedHashMap<>();
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 2 -> name = in.string();
                case 3 -> keyValue(in.message(), attributes);
                default -> in.skip(tag);
            }
        }
        return new ReceivedSpan.Event(name, attributes);
    }

    /** The repeated `KeyValue` field {@code field} of a message. */
    private static Map<String, Object> attributesOf(WireReader in, int field) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        while (in.more()) {
            int tag = in.tag();
            if (tag >>> 3 == field) {
                keyValue(in.message(), attributes);
            } else {
                in.skip(tag);
            }
        }
        return attributes;
    }

    private static void keyValue(WireReader in, Map<String, Object> into) {
        String key = null;
        Object value = null;
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 1 -> key = in.string();
                case 2 -> value = anyValue(in.message());
                default -> in.skip(tag);
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    private static Object anyValue(WireReader in) {
        Object value = null;
        while (in.more()) {
            int tag = in.tag();
            switch (tag >>> 3) {
                case 1 -> value = in.string();
                case 2 -> value = in.varint() != 0;
                case 3 -> value = in.varint();
                case 4 -> value = Double.longBitsToDouble(in.fixed64());
                case 5 -> value = array(in.message());
                case 6 -> value = attributesOf(in.message(), 1);
                default -> in.skip(tag);
            }
        }
        return value;
    }

    private static List<Object> array(WireReader in) {
        List<Object> values = new ArrayList<>();
        while (in.more()) {
            int tag = in.tag();
            if (tag >>> 3 == 1) {
                values.add(anyValue(in.message()));
            } else {
                in.skip(tag);
            }
        }
        return values;
    }
}
