package io.aigw.gateway.sync;

import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.snapshot.SnapshotLoader;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Reloads the routing snapshot from the internal APIs when change events ask for it: events within
 * {@link #DEBOUNCE_MS} are coalesced into one reload, one reload is in flight at a time (events arriving
 * meanwhile make one more afterwards). A failed reload keeps the old snapshot, is counted, and is retried
 * with backoff (1 s doubling to `snapshot-retry-max`). Nothing here blocks: timers and the non-blocking loader.
 */
@Singleton
public class SnapshotReloadScheduler {

    static final long DEBOUNCE_MS = 50;
    private static final long FIRST_RETRY_MS = 1_000;

    private final Vertx vertx;
    private final SnapshotLoader loader;
    private final SyncMetrics metrics;
    private final long maxRetryMs;
    private final Object lock = new Object();
    private List<ChangeEvent> waiting = new ArrayList<>();
    private boolean wanted;
    private boolean scheduled;
    private boolean inFlight;
    private long retryMs = FIRST_RETRY_MS;

    public SnapshotReloadScheduler(Vertx vertx, SnapshotLoader loader, SyncMetrics metrics, GatewayConfig config) {
        this.vertx = vertx;
        this.loader = loader;
        this.metrics = metrics;
        this.maxRetryMs = Math.max(FIRST_RETRY_MS, config.snapshotRetryMax().toMillis());
    }

    /** Asks for a reload that puts {@code event} in force. */
    public void request(ChangeEvent event) {
        schedule(event);
    }

    /** Asks for a reload that no single event stands for (e.g. to close a gap at start). */
    public void requestReload() {
        schedule(null);
    }

    /** True while a reload is asked for, waiting or in flight. */
    public boolean pending() {
        synchronized (lock) {
            return wanted || scheduled || inFlight;
        }
    }

    private void schedule(ChangeEvent event) {
        synchronized (lock) {
            if (event != null) {
                waiting.add(event);
            }
            wanted = true;
            if (scheduled || inFlight) {
                return;
            }
            scheduled = true;
        }
        vertx.setTimer(DEBOUNCE_MS, id -> run());
    }

    private void run() {
        List<ChangeEvent> batch;
        synchronized (lock) {
            scheduled = false;
            inFlight = true;
            wanted = false;
            batch = waiting;
            waiting = new ArrayList<>();
        }
        loader.load().onComplete(result -> {
            long delay;
            if (result.succeeded()) {
                batch.forEach(metrics::applied);
                delay = DEBOUNCE_MS;
            } else {
                metrics.reloadFailed();
                Log.warnf("Snapshot reload for %d change event(s) failed (%s); old snapshot kept, retrying",
                        batch.size(), result.cause().getMessage());
                delay = retryMs;
            }
            boolean again;
            synchronized (lock) {
                inFlight = false;
                if (result.succeeded()) {
                    retryMs = FIRST_RETRY_MS;
                } else {
                    batch.addAll(waiting);
                    waiting = batch;
                    wanted = true;
                    retryMs = Math.min(retryMs * 2, maxRetryMs);
                }
                again = wanted && !scheduled;
                scheduled |= again;
            }
            if (again) {
                vertx.setTimer(delay, id -> run());
            }
        });
    }
}
