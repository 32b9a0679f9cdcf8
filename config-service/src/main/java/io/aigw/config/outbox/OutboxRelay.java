package io.aigw.config.outbox;

import io.aigw.config.ConfigServiceConfig;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows to Kafka in {@code seq} order and marks them published once Kafka has
 * acknowledged them. Polls every {@code aigw.config.outbox.poll-interval} and is woken after each
 * commit. A PostgreSQL advisory lock lets only one replica relay at a time, which keeps the order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long LOCK_ID = 0x6169_6777_636f_6e66L;
    private static final long PRUNE_EVERY_MS = 60_000;

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final ConfigServiceConfig.Outbox config;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean again;
    private volatile long lastPrune;
    private long timer = -1;

    public OutboxRelay(Pool pool, @Channel("config-changes") MutinyEmitter<String> emitter, Vertx vertx,
            ConfigServiceConfig config) {
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.config = config.outbox();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Runs a relay round now, or right after the current one. */
    public void wake() {
        if (!running.compareAndSet(false, true)) {
            again = true;
            return;
        }
        again = false;
        relayRound().subscribe().with(
                published -> finish(published >= config.batchSize()),
                failure -> {
                    Log.warnf("Outbox relay round failed, retrying on the next tick: %s", failure.getMessage());
                    finish(false);
                });
    }

    private void finish(boolean more) {
        running.set(false);
        if (more || again) {
            wake();
        }
    }

    private Uni<Integer> relayRound() {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(LOCK_ID))
                        .flatMap(rows -> rows.iterator().next().getBoolean(0)
                                ? publishPending(connection) : Uni.createFrom().item(0)))
                .call(this::pruneIfDue);
    }

    private Uni<Integer> publishPending(SqlConnection connection) {
        return connection.preparedQuery("select seq, topic, aggregate_id, cast(payload as text) as payload"
                        + " from outbox_event where published_at is null order by seq limit $1")
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> {
                    List<Long> sent = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row row : rows) {
                        chain = chain.flatMap(ignored -> send(row)).invoke(() -> sent.add(row.getLong("seq")));
                    }
                    return chain
                            .onFailure().invoke(e -> Log.warnf("Kafka did not acknowledge an outbox event: %s", e.getMessage()))
                            .onFailure().recoverWithNull()
                            .flatMap(ignored -> markPublished(connection, sent));
                });
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("aggregate_id"))
                .build();
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(metadata));
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<Long> seqs) {
        if (seqs.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("update outbox_event set published_at = now() where seq = any($1)")
                .execute(Tuple.of(seqs.toArray(new Long[0])))
                .replaceWith(seqs.size());
    }

    private Uni<Void> pruneIfDue() {
        long now = System.currentTimeMillis();
        if (now - lastPrune < PRUNE_EVERY_MS) {
            return Uni.createFrom().voidItem();
        }
        lastPrune = now;
        // The newest row is kept: its seq is the snapshot version.
        return pool.preparedQuery("delete from outbox_event where published_at < now() - make_interval(secs => $1)"
                        + " and seq < (select max(seq) from outbox_event)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .replaceWithVoid();
    }
}
