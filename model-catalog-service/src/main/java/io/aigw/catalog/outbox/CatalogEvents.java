package io.aigw.catalog.outbox;

import io.aigw.kit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/** Writes a {@link CatalogChanged} event in the caller's transaction; the kit's relay publishes it after commit. */
@Singleton
public class CatalogEvents {

    private final OutboxWriter outbox;

    public CatalogEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> write(String kind, String type, String id, long version, Object data) {
        UUID eventId = OutboxWriter.newEventId();
        CatalogChanged event = new CatalogChanged(eventId.toString(), kind, type, id, version, Instant.now(), data);
        return outbox.append(CatalogChanged.TOPIC, event.key(), eventId, event);
    }
}
