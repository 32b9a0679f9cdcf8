package io.aigw.keys.outbox;

import io.aigw.keys.config.KeysConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows to Kafka in {@code seq} order, marking them published only after the broker
 * acknowledged them (at-least-once; consumers drop versions they already applied). Polls every
 * {@code aigw.keys.relay.poll-interval} and is woken up right after admin writes. One relay works at
 * a time across replicas (transaction-scoped advisory lock). Never blocks: all I/O is reactive.
 */
@ApplicationScoped
public class OutboxRelay {

    static final int BATCH = 200;
    private static final long LOCK_KEY = 0x616967776b657973L; // "aigwkeys"
    private static final long FAILED = -1L;

    private final Pool pool;
    private final Vertx vertx;
    private final KeysConfig config;
    private final Map<String, MutinyEmitter<String>> emitters;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean wakeAgain;
    private long pollTimer = -1;
    private long pruneTimer = -1;

    public OutboxRelay(Pool pool, Vertx vertx, KeysConfig config,
            @Channel(OutboxTopics.ACCESS_KEY_CHANGES) MutinyEmitter<String> accessKeyChanges,
            @Channel(OutboxTopics.PROVIDER_KEY_CHANGES) MutinyEmitter<String> providerKeyChanges) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.emitters = Map.of(OutboxTopics.ACCESS_KEY_CHANGES, accessKeyChanges,
                OutboxTopics.PROVIDER_KEY_CHANGES, providerKeyChanges);
    }

    void start(@Observes StartupEvent event) {
        pollTimer = vertx.setPeriodic(config.relay().pollInterval().toMillis(), id -> wakeUp());
        pruneTimer = vertx.setPeriodic(60_000, id -> prune());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(pruneTimer);
    }

    /** Publishes pending rows now (or right after the run in progress). */
    public void wakeUp() {
        if (!running.compareAndSet(false, true)) {
            wakeAgain = true;
            return;
        }
        wakeAgain = false;
        publishBatch().subscribe().with(published -> {
            running.set(false);
            if (wakeAgain || published == BATCH) {
                wakeUp();
            }
        }, failure -> {
            running.set(false);
            Log.warnf("Outbox relay will retry: %s", failure.getMessage());
        });
    }

    Uni<Integer> publishBatch() {
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .chain(lock -> lock.iterator().next().getBoolean(0) ? publishPending(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection conn) {
        return conn.preparedQuery("select seq, topic, aggregate_id, payload::text as payload from outbox_event"
                + " where published_at is null order by seq limit $1").execute(Tuple.of(BATCH))
                .chain(rows -> {
                    List<Uni<Long>> sends = new ArrayList<>();
                    rows.forEach(row -> sends.add(send(row)));
                    if (sends.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(sends).andFailFast().chain(results -> markPublished(conn, acknowledgedPrefix(results)));
                });
    }

    private Uni<Long> send(Row row) {
        long seq = row.getLong("seq");
        MutinyEmitter<String> emitter = emitters.get(row.getString("topic"));
        if (emitter == null) {
            Log.errorf("Outbox row %d names unknown topic %s", seq, row.getString("topic"));
            return Uni.createFrom().item(FAILED);
        }
        Message<String> message = Message.of(row.getString("payload")).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("aggregate_id")).build());
        return emitter.sendMessage(message).replaceWith(seq)
                .onFailure().invoke(e -> Log.warnf("Kafka did not acknowledge outbox row %d: %s", seq, e.getMessage()))
                .onFailure().recoverWithItem(FAILED);
    }

    /** Only the rows before the first failure count, so that order is kept on the retry. */
    private static List<Long> acknowledgedPrefix(List<Long> results) {
        List<Long> acked = new ArrayList<>();
        for (Long seq : results) {
            if (seq == FAILED) {
                break;
            }
            acked.add(seq);
        }
        return acked;
    }

    private Uni<Integer> markPublished(SqlConnection conn, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no outbox row acknowledged"));
        }
        return conn.preparedQuery("update outbox_event set published_at = now() where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(new Long[0])))
                .map(ignored -> seqs.size());
    }

    /** Deletes rows published longer ago than the retention, always keeping the newest row (snapshot version). */
    Uni<Integer> prune() {
        Uni<Integer> pruned = pool.preparedQuery("delete from outbox_event where published_at < now() - ($1 * interval '1 second')"
                + " and seq < (select max(seq) from outbox_event)")
                .execute(Tuple.of(config.relay().retention().toSeconds()))
                .map(rows -> rows.rowCount());
        pruned.subscribe().with(count -> {
            if (count > 0) {
                Log.debugf("Pruned %d published outbox rows", count);
            }
        }, failure -> Log.warnf("Outbox prune failed: %s", failure.getMessage()));
        return pruned;
    }
}
