package io.aigw.e2e.system.otlp;

import java.util.List;
import java.util.Map;

/**
 * One span as an OTLP exporter sent it: ids in hex, the emitting service's `service.name` and its other resource
 * attributes, the span's attributes and events with their values as Java objects (String, Long, Boolean, Double, List).
 */
public record ReceivedSpan(String service, Map<String, Object> resource, String traceId, String spanId, String parentSpanId, String name, Kind kind,
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

    /** The emitting process's `service.instance.id` (a gateway replica's instance id), or null. */
    public String instance() {
        Object id = resource.get("service.instance.id");
        return id == null ? null : id.toString();
    }

    /** Everything the span says, as text: for checking that no secret is in it. */
    public String text() {
        return service + " " + name + " " + attributes + " " + events;
    }
}
