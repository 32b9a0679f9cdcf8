package io.aigw.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Outbox rows that Kafka refused {@code max-attempts} times ({@code outbox_dead_letter}): counted in the metric
 * {@code aigw_outbox_dead_letters} and the {@code outbox} health check, listed and retried through
 * {@link DeadLetterResource}. A retried row goes back to the outbox as a new row (after newer events of its
 * aggregate, which consumers then drop as stale).
 */
@ApplicationScoped
public class DeadLetters {

    private static final String COLUMNS = "seq, event_id, topic, aggregate_id, created_at, attempts, last_error, dead_at";

    private final Pool pool;
    private final AtomicLong count = new AtomicLong();

    public DeadLetters(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("aigw_outbox_dead_letters", count, AtomicLong::get)
                .description("Outbox events that could not be published and wait in the dead letters")
                .register(registry);
    }

    void countAtStart(@Observes StartupEvent event) {
        refreshCount().subscribe().with(ignored -> { }, failure -> { });
    }

    public long count() {
        return count.get();
    }

    /** Moves outbox row {@code seq} to the dead letters (one statement, so atomic). */
    Uni<Void> bury(SqlConnection conn, long seq, String error) {
        return conn.preparedQuery("with moved as (delete from outbox_event where seq = $1 returning *)"
                        + " insert into outbox_dead_letter (seq, event_id, topic, aggregate_id, payload, created_at,"
                        + " attempts, last_error) select seq, event_id, topic, aggregate_id, payload, created_at,"
                        + " attempts + 1, $2 from moved").execute(Tuple.of(seq, error))
                .invoke(rows -> count.addAndGet(rows.rowCount()))
                .replaceWithVoid();
    }

    public Uni<Long> refreshCount() {
        return pool.query("select count(*) from outbox_dead_letter").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .invoke(count::set);
    }

    public Uni<List<DeadLetter>> list(int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from outbox_dead_letter order by seq limit $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<DeadLetter> letters = new ArrayList<>();
                    rows.forEach(row -> letters.add(DeadLetter.of(row)));
                    return letters;
                });
    }

    /**
     * Puts dead letter {@code seq} back into the outbox and notifies the relays; false when there is no such dead
     * letter.
     */
    public Uni<Boolean> retry(long seq) {
        return pool.preparedQuery("with revived as (delete from outbox_dead_letter where seq = $1 returning *)"
                        + " insert into outbox_event (event_id, topic, aggregate_id, payload)"
                        + " select event_id, topic, aggregate_id, payload from revived").execute(Tuple.of(seq))
                .map(rows -> rows.rowCount() > 0)
                // committed: the relay of whichever replica holds the lock now takes it (OutboxListener)
                .call(revived -> revived ? pool.query(OutboxWriter.NOTIFY).execute() : Uni.createFrom().voidItem())
                .call(this::refreshCount);
    }
}
