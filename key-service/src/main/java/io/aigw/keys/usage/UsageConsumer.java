package io.aigw.keys.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.kit.json.StrictJson;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code usage-events} in batches (group {@code key-service-usage}) into the ledger: one
 * multi-row idempotent insert per batch, then the access keys' lastUsedAt are noted for the batched
 * update. Records that are not usage events are logged and skipped; database failures are retried.
 */
@ApplicationScoped
public class UsageConsumer {

    private final UsageRepository repository;
    private final LastUsedTracker lastUsed;
    private final ObjectMapper mapper;
    private volatile boolean doubleEncodedWarned;

    public UsageConsumer(UsageRepository repository, LastUsedTracker lastUsed, ObjectMapper mapper) {
        this.repository = repository;
        this.lastUsed = lastUsed;
        // lenient, and without duplicate-key detection (a HashSet per JSON object of every event: 2 % of the ledger's
        // CPU in issue 19's profile); a duplicated key in the gateway's own event changes nothing stored
        this.mapper = StrictJson.lenient(mapper).disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @Incoming("usage-events")
    public Uni<Void> onBatch(ConsumerRecords<String, String> records) {
        List<UsageEvent> events = new ArrayList<>();
        records.forEach(record -> {
            UsageEvent event = read(record);
            if (event != null) {
                events.add(event);
            }
        });
        return store(events);
    }

    /** Stores a batch of attempts (at-least-once: a redelivered event is ignored by its eventId). */
    public Uni<Void> store(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> insert(events))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .invoke(inserted -> lastUsed.noteAll(events))
                .replaceWithVoid();
    }

    /** A batch the database rejects for its data is retried event by event, skipping only the bad ones. */
    private Uni<Integer> insert(List<UsageEvent> events) {
        return repository.insertAll(events).onFailure(UsageConsumer::isBadData).recoverWithUni(() -> Multi.createFrom()
                .iterable(events)
                .onItem().transformToUniAndConcatenate(event -> repository.insertAll(List.of(event))
                        .onFailure(UsageConsumer::isBadData).recoverWithItem(() -> {
                            Log.warnf("Skipped usage event %s: the database rejected its values", event.eventId());
                            return 0;
                        }))
                .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity violation): retrying the same values cannot help. */
    private static boolean isBadData(Throwable failure) {
        return failure instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }

    /** A JSON string rather than an object: the first character that is not white space is a quote. */
    private static boolean encodedTwice(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '"';
            }
        }
        return false;
    }

    private UsageEvent read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            String value = record.value();
            if (encodedTwice(value)) {
                if (!doubleEncodedWarned) {
                    doubleEncodedWarned = true;
                    Log.warn("Usage events arrive as JSON strings holding JSON (encoded twice); read anyway.");
                }
                JsonNode tree = mapper.readTree(value);
                value = tree.isTextual() ? tree.asText() : value;
            }
            UsageEvent event = mapper.readValue(value, UsageEvent.class); // straight to the record: no tree in between
            if (!event.isComplete()) {
                Log.warnf("Skipped a usage event without eventId, requestId or occurredAt (key %s)", record.key());
                return null;
            }
            return event;
        } catch (Exception e) {
            Log.warnf("Skipped a record on usage-events that is not a usage event (key %s)", record.key());
            return null;
        }
    }
}
