package io.aigw.kit.projection;

import io.smallrye.mutiny.Uni;

/**
 * Provided by each service, one per followed topic: applies an event to its projection tables (in its own
 * transaction) and answers whether it changed anything. Upserts use {@link #VERSION_GUARD}.
 */
public interface ProjectionHandler {

    /**
     * The {@code on conflict … do update … where} clause of every projection upsert (table alias {@code t}): an
     * event applies only when newer, or when a {@code created} event revives a deleted id (a re-created aggregate
     * starts again at version 1). Binds {@code :created}.
     */
    String VERSION_GUARD = " where t.version < excluded.version or (t.deleted and not excluded.deleted and :created)";

    String topic();

    Uni<Boolean> apply(ChangeEvent event);
}
