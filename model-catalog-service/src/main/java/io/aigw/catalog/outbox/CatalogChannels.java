package io.aigw.catalog.outbox;

import io.aigw.kit.outbox.OutboxChannels;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The one topic this service produces, for the kit's outbox relay. */
@ApplicationScoped
public class CatalogChannels implements OutboxChannels {

    private final Map<String, MutinyEmitter<String>> emitters;

    public CatalogChannels(@Channel(CatalogChanged.TOPIC) MutinyEmitter<String> catalogChanges) {
        this.emitters = Map.of(CatalogChanged.TOPIC, catalogChanges);
    }

    @Override
    public Map<String, MutinyEmitter<String>> emitters() {
        return emitters;
    }
}
