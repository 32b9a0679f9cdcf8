package io.aigw.catalog.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows {@code provider-key-changes} and {@code config-changes} (one consumer, group
 * {@code model-catalog-service}, from the earliest offset) into the projections that guard deletes. A record
 * that is not a change event is logged (without its value) and skipped; a database failure is retried with
 * back-off. Events JSON-encoded twice (a JSON string holding the event) are read anyway.
 */
@ApplicationScoped
public class ProjectionConsumer {

    public static final String PROVIDER_KEY_CHANGES = "provider-key-changes";
    public static final String CONFIG_CHANGES = "config-changes";

    private final ProjectionService projections;
    private final ObjectMapper mapper;
    private final Set<String> doubleEncodedWarned = ConcurrentHashMap.newKeySet();

    public ProjectionConsumer(ProjectionService projections, ObjectMapper mapper) {
        this.projections = projections;
        this.mapper = mapper;
    }

    /** The entry point for every record of the followed topics (also called directly by tests). */
    @Incoming("projection-changes")
    public Uni<Void> onChange(ConsumerRecord<String, String> record) {
        return switch (record.topic()) {
            case PROVIDER_KEY_CHANGES -> apply(record, projections::applyProviderKey);
            case CONFIG_CHANGES -> apply(record, projections::applyConfig);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> apply(ConsumerRecord<String, String> record, Function<ChangeEvent, Uni<Boolean>> projection) {
        ChangeEvent event = read(record);
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> projection.apply(event))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(20)
                .onFailure().invoke(e -> Log.errorf("Gave up applying %s %s v%d: %s", event.kind(), event.id(),
                        event.version(), e.getMessage()))
                .onFailure().recoverWithNull()
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
