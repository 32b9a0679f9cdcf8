package io.aigw.e2e.system.otlp;

import java.util.List;
import java.util.Map;

/**
 * One span as an OTLP exporter sent it: ids in hex, the emitting service's `service.name`, attributes and events with
 * their values as Java objects (String, Long, Boolean, Double, List).
 */
public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
        Map<String, Object> attributes, List<Event> events) {

    /** OTLP's `Span.SpanKind`, in its numbering. */
    public enum Kind {
        UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER
    }

    public record Event(String name, Map<String, Object> attributes) {
    }

    public Object attribute(String key) {
        return attributes.get(key);
    }

    /** Everything the span says, as text: for checking that no secret is in it. */
    public String text() {
        return service + " " + name + " " + attributes + " " + events;
    }
}
