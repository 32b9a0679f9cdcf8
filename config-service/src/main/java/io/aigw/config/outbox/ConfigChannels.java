package io.aigw.config.outbox;

import io.aigw.kit.outbox.OutboxChannels;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** The one topic this service produces ({@code config-changes}, keyed {@code <kind>:<id>}), for the kit's relay. */
@ApplicationScoped
public class ConfigChannels implements OutboxChannels {

    public static final String CONFIG_CHANGES = "config-changes";

    private final Map<String, MutinyEmitter<String>> emitters;

    public ConfigChannels(@Channel(CONFIG_CHANGES) MutinyEmitter<String> configChanges) {
        this.emitters = Map.of(CONFIG_CHANGES, configChanges);
    }

    @Override
    public Map<String, MutinyEmitter<String>> emitters() {
        return emitters;
    }
}
