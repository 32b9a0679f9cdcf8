package io.aigw.gateway.translate;

import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.metrics.LabelCap;
import io.aigw.gateway.routing.Surface;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import jakarta.inject.Singleton;

/**
 * `aigw_translations_total{from,to}`: answers served through a translation; `aigw_translation_dropped_fields_total
 * {from,to,field}`: request fields dropped in them (field names capped, clients choose them).
 */
@Singleton
public class TranslationMetrics {

    private final MeterRegistry registry;
    private final LabelCap fields = new LabelCap(100);

    public TranslationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A translated answer from {@code to} is about to go to a client on {@code from}: names the request fields
     * it dropped in `X-AIGW-Dropped-Fields` and counts them.
     */
    public void served(Surface client, Surface target, Translation translation, MultiMap headers) {
        if (!translation.dropped().isEmpty()) {
            headers.set(GatewayHeaders.DROPPED_FIELDS, String.join(", ", translation.dropped()));
        }
        count(client.id(), target.id(), translation.dropped());
    }

    /** Counts a request that skipped candidates on {@code target}: the request cannot be translated to it. */
    public void skipped(Surface client, Surface target) {
        Counter.builder("aigw.translation.skipped").description("Candidates skipped: the request cannot be translated")
                .tags("from", client.id(), "to", target.id()).register(registry).increment();
    }

    private void count(String from, String to, Iterable<String> dropped) {
        Counter.builder("aigw.translations").description("Answers served through a translation between surfaces")
                .tags("from", from, "to", to).register(registry).increment();
        for (String field : dropped) {
            Counter.builder("aigw.translation.dropped.fields")
                    .description("Request fields with no slot on the provider's surface, dropped")
                    .tags("from", from, "to", to, "field", fields.label(field)).register(registry).increment();
        }
    }
}
