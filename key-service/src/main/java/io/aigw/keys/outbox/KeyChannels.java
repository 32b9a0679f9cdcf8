package io.aigw.keys.outbox;

import io.aigw.kit.outbox.OutboxChannels;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The topics key-service produces, for the kit's outbox relay. */
@ApplicationScoped
public class KeyChannels implements OutboxChannels {

    private final Map<String, MutinyEmitter<String>> emitters;

    public KeyChannels(@Channel(OutboxTopics.ACCESS_KEY_CHANGES) MutinyEmitter<String> accessKeyChanges,
            @Channel(OutboxTopics.PROVIDER_KEY_CHANGES) MutinyEmitter<String> providerKeyChanges) {
        this.emitters = Map.of(OutboxTopics.ACCESS_KEY_CHANGES, accessKeyChanges,
                OutboxTopics.PROVIDER_KEY_CHANGES, providerKeyChanges);
    }

    @Override
    public Map<String, MutinyEmitter<String>> emitters() {
        return emitters;
    }
}
