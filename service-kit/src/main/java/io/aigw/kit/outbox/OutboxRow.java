package io.aigw.kit.outbox;

import io.vertx.mutiny.sqlclient.Row;

/** One pending outbox row as the relay reads it. */
record OutboxRow(long seq, String topic, String key, String payload, int attempts, String traceParent) {

    static OutboxRow of(Row row) {
        return new OutboxRow(row.getLong("seq"), row.getString("topic"), row.getString("aggregate_id"),
                row.getString("payload"), row.getInteger("attempts"), row.getString("trace_parent"));
    }
}
