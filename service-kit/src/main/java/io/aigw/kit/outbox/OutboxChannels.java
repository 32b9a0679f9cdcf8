package io.aigw.kit.outbox;

import io.smallrye.reactive.messaging.MutinyEmitter;
import java.util.Map;

/**
 * Provided by each service: the emitter of every topic it produces (channel name = topic name). A row naming a topic
 * that is not here can never be sent: it ends in the dead letters.
 */
public interface OutboxChannels {

    Map<String, MutinyEmitter<String>> emitters();
}
