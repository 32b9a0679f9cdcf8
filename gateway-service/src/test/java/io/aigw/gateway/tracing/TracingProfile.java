package io.aigw.gateway.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tracing on, every request sampled, spans handed over as they end (to the in-memory exporter only). */
public class TracingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.simple", "true",
                "quarkus.otel.traces.sampler.arg", "1.0", "mp.messaging.incoming.changes.tracing-enabled", "true");
    }

    /** The same, with attempts propagating their `traceparent` to providers. */
    public static class Propagating extends TracingProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> base = new java.util.HashMap<>(super.getConfigOverrides());
            base.put("aigw.gateway.trace-propagation-upstream", "true");
            return base;
        }
    }
}
