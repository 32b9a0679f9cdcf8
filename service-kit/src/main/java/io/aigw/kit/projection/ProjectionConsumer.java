package io.aigw.kit.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.kit.KitConfig;
import io.aigw.kit.json.StrictJson;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows other services' {@code *-changes} topics (channel {@code projection-changes}: one consumer, the service's
 * group, from the earliest offset) into the projections, through each topic's {@link ProjectionHandler}. A record
 * that is not a change event is logged (without its value) and skipped; a database failure is retried forever with
 * back-off (a PostgreSQL outage must not kill the channel), and {@link ProjectionHealth} reports it meanwhile.
 * Events JSON-encoded twice (a JSON string holding the event) are read anyway.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private final Map<String, ProjectionHandler> handlers = new HashMap<>();
    private final ObjectMapper mapper;
    private final ProjectionState health;
    private final Duration maxBackoff;
    private final Set<String> doubleEncodedWarned = ConcurrentHashMap.newKeySet();

    public ProjectionConsumer(Instance<ProjectionHandler> handlers, ObjectMapper mapper, ProjectionState health,
            KitConfig config) {
        handlers.forEach(handler -> this.handlers.put(handler.topic(), handler));
        this.mapper = StrictJson.lenient(mapper);
        this.health = health;
        this.maxBackoff = config.projection().maxBackoff();
    }

    /** The entry point for every record of the followed topics (also called directly by tests). */
    @Incoming("projection-changes")
    public Uni<Void> onChange(ConsumerRecord<String, String> record) {
        ProjectionHandler handler = handlers.get(record.topic());
        ChangeEvent event = handler == null ? null : read(record);
        if (event == null) {
            return Uni.createFrom().voidItem().invoke(() -> health.consumed(record.topic(), record.partition(),
                    record.offset()));
        }
        return Uni.createFrom().deferred(() -> handler.apply(event))
                .onFailure().invoke(e -> health.failing(e))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), maxBackoff).indefinitely()
                .invoke(() -> health.consumed(record.topic(), record.partition(), record.offset()))
                .replaceWithVoid();
    }

    private ChangeEvent read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null; // a compaction tombstone: the deleted event before it already did the work
        }
        try {
            JsonNode tree = mapper.readTree(record.value());
            if (tree.isTextual()) {
                warnDoubleEncodedOnce(record.topic());
                tree = mapper.readTree(tree.asText());
            }
            ChangeEvent event = mapper.treeToValue(tree, ChangeEvent.class);
            if (event.kind() == null || event.id() == null || event.id().isBlank() || event.version() == null) {
                Log.warnf("Skipped an event without kind, id or version on %s (key %s)", record.topic(), record.key());
                return null;
            }
            return event;
        } catch (Exception e) {
            Log.warnf("Skipped a record that is not a change event on %s (key %s)", record.topic(), record.key());
            return null;
        }
    }

    private void warnDoubleEncodedOnce(String topic) {
        if (doubleEncodedWarned.add(topic)) {
            Log.warnf("Events on %s are JSON strings holding JSON (encoded twice); read anyway."
                    + " The producer should send the event object itself (docs/contracts.md).", topic);
        }
    }
}
