package io.aigw.kit.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wakes the relay when any process commits an outbox row: {@link OutboxWriter} issues {@code NOTIFY aigw_outbox} in
 * the writing transaction, which PostgreSQL delivers to every listener at commit (never before, never for a rollback).
 * One connection per process, outside the pool, {@code LISTEN}s; it reconnects after a loss and wakes the relay once
 * it listens again, for what was committed meanwhile. A notification that is lost anyway (the connection was down)
 * only delays the row until the relay's fallback poll: the notification is a wake-up, the table stays the truth.
 */
@ApplicationScoped
public class OutboxListener {

    /** The channel {@link OutboxWriter} notifies. */
    public static final String CHANNEL = "aigw_outbox";
    private static final long RETRY_MS = 2_000;

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final PgConnectOptions options;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    public OutboxListener(Vertx vertx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.relay = relay;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.close();
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        PgSubscriber next = PgSubscriber.subscriber(vertx.getDelegate(), options)
                .reconnectPolicy(retries -> stopped ? -1L : RETRY_MS);
        next.channel(CHANNEL).handler(payload -> relay.wakeUp()).subscribeHandler(ignored -> relay.wakeUp());
        subscriber = next;
        next.connect().onSuccess(ignored -> next.closeHandler(closed -> retryLater())).onFailure(failure -> {
            Log.warnf("Outbox listener could not connect, the relay polls meanwhile: %s", failure.getMessage());
            retryLater();
        });
    }

    private void retryLater() {
        if (!stopped) {
            vertx.setTimer(RETRY_MS, id -> connect());
        }
    }
}
