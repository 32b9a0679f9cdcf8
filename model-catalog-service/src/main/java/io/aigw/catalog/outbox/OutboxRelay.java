package io.aigw.catalog.outbox;

import io.aigw.catalog.config.CatalogConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes unpublished outbox rows to Kafka in {@code seq} order and marks them published once Kafka has
 * acknowledged them. Polls every {@code aigw.catalog.outbox.poll-interval} and right after a commit
 * ({@link #wakeUp()}); a transaction-scoped advisory lock keeps one publisher across replicas.
 * Fully non-blocking: it runs on the Vert.x event loop.
 */
@Singleton
public class OutboxRelay {

    private static final long LOCK_ID = 0x61696777_63617401L;
    private static final long PRUNE_EVERY_MS = 60_000;

    private final Pool pool;
    private final Vertx vertx;
    private final MutinyEmitter<String> emitter;
    private final CatalogConfig.Outbox config;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile long lastPrune;

    public OutboxRelay(Pool pool, Vertx vertx, @Channel(CatalogChanged.TOPIC) MutinyEmitter<String> emitter,
            CatalogConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.emitter = emitter;
        this.config = config.outbox();
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wakeUp());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Runs a relay pass now, or right after the one in progress. */
    public void wakeUp() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        pass().subscribe().with(published -> finish(published > 0), failure -> {
            Log.warnf("Outbox relay pass failed, will retry: %s", failure.getMessage());
            finish(false);
        });
    }

    private void finish(boolean more) {
        running.set(false);
        if (more || again.get()) {
            vertx.runOnContext(this::wakeUp);
        }
    }

    /** One pass: lock, read a batch, publish it, mark what Kafka acknowledged. Returns how many were published. */
    Uni<Integer> pass() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(LOCK_ID))
                .chain(rows -> rows.iterator().next().getBoolean(0) ? publishBatch(conn) : Uni.createFrom().item(0)))
                .call(this::pruneNow);
    }

    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery("select seq, topic, aggregate_id, payload::text as payload from outbox_event "
                + "where published_at is null order by seq limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> seqs = new ArrayList<>();
                    List<Uni<Boolean>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        seqs.add(row.getLong("seq"));
                        Message<String> message = Message.of(row.getString("payload")).addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("aggregate_id"))
                                        .withTopic(row.getString("topic")).build());
                        sends.add(emitter.sendMessage(message).replaceWith(true).onFailure().recoverWithItem(false));
                    }
                    return Uni.join().all(sends).andFailFast().chain(acks -> {
                        // only the acknowledged prefix: a later row must never overtake an earlier one
                        int n = 0;
                        while (n < acks.size() && acks.get(n)) {
                            n++;
                        }
                        return markPublished(conn, seqs.subList(0, n));
                    });
                });
    }

    private Uni<Integer> markPublished(SqlConnection conn, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("Kafka acknowledged none of the batch"));
        }
        return conn.preparedQuery("update outbox_event set published_at = now() where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(new Long[0])))
                .map(rows -> rows.rowCount());
    }

    private Uni<Void> pruneNow(Integer ignored) {
        long now = System.currentTimeMillis();
        if (now - lastPrune < PRUNE_EVERY_MS) {
            return Uni.createFrom().voidItem();
        }
        lastPrune = now;
        return pool.preparedQuery("delete from outbox_event where published_at < now() - make_interval(secs => $1) "
                + "and seq < (select max(seq) from outbox_event)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .invoke(rows -> Log.debugf("Pruned %d published outbox rows", rows.rowCount()))
                .replaceWithVoid();
    }
}
