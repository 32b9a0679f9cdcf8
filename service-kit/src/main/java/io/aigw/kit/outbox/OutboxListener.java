package io.aigw.kit.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
    /** Its connection's {@code application_name} in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "aigw-outbox-listener";
    private static final long RETRY_MS = 2_000;

    private final Vertx vertx;
    private final Runnable wakeUp;
    private final PgConnectOptions options;
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    @Inject
    public OutboxListener(io.vertx.mutiny.core.Vertx vertx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this(vertx.getDelegate(), options(url, user, password), relay::wakeUp);
    }

    /** Listens with {@code options} and runs {@code wakeUp} for each notification and each (re)subscription. */
    OutboxListener(Vertx vertx, PgConnectOptions options, Runnable wakeUp) {
        this.vertx = vertx;
        this.options = options.addProperty("application_name", APPLICATION_NAME);
        this.wakeUp = wakeUp;
    }

    static PgConnectOptions options(String url, Optional<String> user, Optional<String> password) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        return options;
    }

    void start(@Observes StartupEvent event) {
        connect();
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    void stop() {
        stopped = true;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.close();
        }
    }

    void connect() {
        if (stopped) {
            return;
        }
        PgSubscriber next = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> stopped ? -1L : RETRY_MS);
        next.channel(CHANNEL).handler(payload -> wakeUp.run()).subscribeHandler(ignored -> wakeUp.run());
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
