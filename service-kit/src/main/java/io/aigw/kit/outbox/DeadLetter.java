package io.aigw.kit.outbox;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A dead letter as the admin API shows it (the payload is not shown: it is the event, which the topic holds). */
public record DeadLetter(long seq, UUID eventId, String topic, String key, int attempts, String lastError,
        Instant createdAt, Instant deadAt) {

    static DeadLetter of(Row row) {
        return new DeadLetter(row.getLong("seq"), row.getUUID("event_id"), row.getString("topic"),
                row.getString("aggregate_id"), row.getInteger("attempts"), row.getString("last_error"),
                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("dead_at")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
