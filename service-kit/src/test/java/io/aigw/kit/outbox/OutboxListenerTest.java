package io.aigw.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OutboxListener} against the real PostgreSQL of {@code deploy/local/stack infra}: a commit on another
 * connection (as another process's {@link OutboxWriter} makes it) wakes the relay; a rolled-back one does not; after
 * its connection is killed it listens again, and wakes the relay at once for what was committed meanwhile.
 */
class OutboxListenerTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final PgConnectOptions DATABASE = OutboxListener.options("postgresql://"
            + System.getenv().getOrDefault("AIGW_DB_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("AIGW_DB_PORT", "5432") + "/postgres",
            Optional.of(System.getenv().getOrDefault("AIGW_DB_USER", "postgres")),
            Optional.ofNullable(System.getenv("AIGW_DB_PASSWORD")));

    private final AtomicInteger wakeUps = new AtomicInteger();
    private Vertx vertx;
    private OutboxListener listener;
    private PgConnection other;

    @BeforeEach
    void listen() throws Exception {
        vertx = Vertx.vertx();
        listener = new OutboxListener(vertx, new PgConnectOptions(DATABASE), wakeUps::incrementAndGet);
        other = await(PgConnection.connect(vertx, new PgConnectOptions(DATABASE)));
        listener.connect();
        awaitAbove(0, wakeUps::get); // subscribed (the subscription itself wakes the relay once)
    }

    @AfterEach
    void close() throws Exception {
        listener.stop();
        await(other.close());
        await(vertx.close());
    }

    @Test
    void shouldWakeTheRelayWhenAnotherConnectionCommitsAnOutboxRow() throws Exception {
        int before = wakeUps.get();
        commitNotification(other, true);
        awaitAbove(before, wakeUps::get);
    }

    @Test
    void shouldNotWakeTheRelayForARolledBackTransactionButForTheCommitAfterIt() throws Exception {
        int before = wakeUps.get();
        commitNotification(other, false);
        commitNotification(other, true);
        awaitAbove(before, wakeUps::get);
        // PostgreSQL delivers in commit order: the committed one arrived, so a rolled-back one would have too
        assertEquals(before + 1, wakeUps.get(), "one wake-up, for the committed transaction only");
    }

    @Test
    void shouldListenAgainAfterItsConnectionIsKilledAndWakeTheRelayOnceItDoes() throws Exception {
        int killed = await(other.query("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = '" + OutboxListener.APPLICATION_NAME + "' and pid <> pg_backend_pid()"
                + " and datname = current_database()").execute()).iterator().next().getInteger(0);
        assertTrue(killed >= 1, "the listener's connection was found");
        int before = wakeUps.get();
        awaitAbove(before, wakeUps::get); // listening again: the relay looks for what was committed meanwhile
        int subscribed = wakeUps.get();
        commitNotification(other, true);
        awaitAbove(subscribed, wakeUps::get);
    }

    /** What {@link OutboxWriter} does in the writing transaction, committed or rolled back. */
    private static void commitNotification(SqlConnection connection, boolean commit) throws Exception {
        await(connection.query("begin").execute());
        await(connection.query(OutboxWriter.NOTIFY).execute());
        await(connection.query(commit ? "commit" : "rollback").execute());
    }

    private static void awaitAbove(int floor, IntSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (value.getAsInt() <= floor && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(value.getAsInt() > floor, "no wake-up within " + BOUND);
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }
}
