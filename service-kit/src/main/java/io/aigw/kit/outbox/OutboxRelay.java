package io.aigw.kit.outbox;

import io.aigw.kit.KitConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes outbox rows to Kafka (at least once, idempotent producer; consumers drop versions they already applied).
 * A round reads a batch in {@code seq} order and sends it, aggregates concurrently and each aggregate's rows in order
 * (the next only after the previous was acknowledged), each send bounded by {@code send-timeout}; it marks what Kafka
 * acknowledged ({@link RelayRound}). No transaction is open while it waits for Kafka: one
 * relay per database is elected with a session advisory lock, and every statement commits on its own. A row that
 * keeps failing moves to {@code outbox_dead_letter} after {@code max-attempts}; {@link DeadLetters} lists and
 * retries them. Woken after each admin write of this process and, through {@link OutboxListener}, at the commit of
 * every outbox row of any process; besides, polls every {@code poll-interval} for a row whose notification was lost.
 * A round that finds nothing pending costs one indexed statement, without the lock. Never blocks.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long LOCK_KEY = 0x6169_6777_6f75_7462L; // "aigwoutb"
    private static final long PRUNE_EVERY_MS = 60_000;
    /** After a round in which Kafka refused a row, the next comes this soon (not at the slower fallback poll). */
    private static final long RETRY_AFTER_MS = 100;
    /** The idle round: one look at the partial index of unpublished rows. */
    private static final String PENDING = "select exists (select 1 from outbox_event where published_at is null)";

    private final Pool pool;
    private final Vertx vertx;
    private final KitConfig.Outbox config;
    private final OutboxChannels channels;
    private final DeadLetters deadLetters;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean refused = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile long lastPrune;

    public OutboxRelay(Pool pool, Vertx vertx, KitConfig config, OutboxChannels channels, DeadLetters deadLetters) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config.outbox();
        this.channels = channels;
        this.deadLetters = deadLetters;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wakeUp());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Runs a round now, or right after the one in progress. */
    public void wakeUp() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        round().subscribe().with(count -> finish(count >= config.batchSize()), failure -> {
            Log.warnf("Outbox relay round failed, will retry: %s", failure.getMessage());
            finish(false);
        });
    }

    private void finish(boolean more) {
        running.set(false);
        if (more || again.get()) {
            vertx.runOnContext(this::wakeUp);
        } else if (refused.getAndSet(false)) {
            vertx.setTimer(RETRY_AFTER_MS, id -> wakeUp());
        }
    }

    /** One round; answers how many rows it read (a full batch means: go on at once). */
    public Uni<Integer> round() {
        return pool.query(PENDING).execute()
                .chain(pending -> pending.iterator().next().getBoolean(0) ? lockedRound() : Uni.createFrom().item(0))
                .call(this::pruneIfDue);
    }

    private Uni<Integer> lockedRound() {
        return pool.getConnection().chain(conn -> conn.query("select pg_try_advisory_lock(" + LOCK_KEY + ")").execute()
                .chain(lock -> lock.iterator().next().getBoolean(0)
                        ? relay(conn).call(() -> conn.query("select pg_advisory_unlock(" + LOCK_KEY + ")").execute())
                        : Uni.createFrom().item(0))
                .onTermination().call(() -> conn.close()));
    }

    private Uni<Integer> relay(SqlConnection conn) {
        return conn.preparedQuery("select seq, topic, aggregate_id, payload::text as payload, attempts, trace_parent from outbox_event"
                        + " where published_at is null order by seq limit $1").execute(Tuple.of(config.batchSize()))
                .chain(result -> {
                    List<OutboxRow> rows = new ArrayList<>();
                    result.forEach(row -> rows.add(OutboxRow.of(row)));
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Map<Long, String> failures = new ConcurrentHashMap<>();
                    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
                    Map<String, List<OutboxRow>> byAggregate = new LinkedHashMap<>();
                    rows.forEach(row -> byAggregate.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(row));
                    List<Uni<Void>> sends = byAggregate.values().stream().map(list -> sendInOrder(list, 0, acknowledged, failures))
                            .toList();
                    return Uni.join().all(sends).andCollectFailures()
                            .chain(ignored -> record(conn, RelayRound.decide(rows, acknowledged, failures,
                                    config.maxAttempts()),
                                    failures))
                            .replaceWith(rows.size());
                });
    }

    /**
     * One aggregate's rows, one after the other (aggregates run concurrently): a row is sent only once the one
     * before it was acknowledged, so an aggregate's events reach Kafka in order even when one of them fails.
     */
    private Uni<Void> sendInOrder(List<OutboxRow> rows, int index, Set<Long> acknowledged, Map<Long, String> failures) {
        if (index >= rows.size()) {
            return Uni.createFrom().voidItem();
        }
        OutboxRow row = rows.get(index);
        return send(row, acknowledged, failures).chain(() -> failures.containsKey(row.seq())
                ? Uni.createFrom().voidItem() : sendInOrder(rows, index + 1, acknowledged, failures));
    }

    private Uni<Void> send(OutboxRow row, Set<Long> acknowledged, Map<Long, String> failures) {
        MutinyEmitter<String> emitter = channels.emitters().get(row.topic());
        if (emitter == null) {
            failures.put(row.seq(), "no channel for topic " + row.topic());
            return Uni.createFrom().voidItem();
        }
        Message<String> message = OutboxTrace.continued(Message.of(row.payload()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(row.key()).build()), row.traceParent());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(config.sendTimeout()).fail()
                .invoke(() -> acknowledged.add(row.seq()))
                .onFailure().recoverWithUni(e -> {
                    failures.put(row.seq(), String.valueOf(e.getMessage()));
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> record(SqlConnection conn, RelayRound round, Map<Long, String> failures) {
        refused.set(!round.failed().isEmpty() || !round.dead().isEmpty());
        Uni<Void> done = Uni.createFrom().voidItem();
        if (!round.published().isEmpty()) {
            done = done.call(() -> conn.preparedQuery("update outbox_event set published_at = now() where seq = any($1)")
                    .execute(Tuple.of(round.published().toArray(new Long[0]))));
        }
        for (OutboxRow row : round.failed()) {
            Log.warnf("Kafka did not take outbox row %d (%s, attempt %d): %s", row.seq(), row.topic(),
                    row.attempts() + 1, failures.get(row.seq()));
            done = done.call(() -> conn.preparedQuery("update outbox_event set attempts = attempts + 1, last_error = $2"
                    + " where seq = $1").execute(Tuple.of(row.seq(), failures.get(row.seq()))));
        }
        for (OutboxRow row : round.dead()) {
            Log.errorf("Outbox row %d (%s, key %s) failed %d times and moved to the dead letters: %s", row.seq(),
                    row.topic(), row.key(), row.attempts() + 1, failures.get(row.seq()));
            done = done.call(() -> deadLetters.bury(conn, row.seq(), failures.get(row.seq())));
        }
        return done;
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
                .call(deadLetters::refreshCount)
                .replaceWithVoid();
    }
}
