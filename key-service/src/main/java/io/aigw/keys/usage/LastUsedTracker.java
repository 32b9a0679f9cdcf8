package io.aigw.keys.usage;

import io.aigw.keys.common.Timestamps;
import io.aigw.keys.config.KeysConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@code access_key.last_used_at} approximately current: usage events only update an in-memory
 * map, and one batched UPDATE per {@code aigw.keys.usage.last-used-flush-interval} writes the latest
 * time of every key seen (so at most one write per key per interval, never one per request). It does
 * not bump the key's version or publish an event: lastUsedAt is informational.
 */
@ApplicationScoped
public class LastUsedTracker {

    private static final String UPDATE = "update access_key a set last_used_at = v.t"
            + " from unnest($1::varchar[], $2::timestamptz[]) as v(id, t)"
            + " where a.id = v.id and (a.last_used_at is null or a.last_used_at < v.t)";

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final Pool pool;
    private final Vertx vertx;
    private final KeysConfig config;
    private long timer = -1;

    public LastUsedTracker(Pool pool, Vertx vertx, KeysConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.usage().lastUsedFlushInterval().toMillis(), id -> flush().subscribe().with(
                count -> { }, failure -> Log.warnf("lastUsedAt flush will retry: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    /** Records a use; a time in the future (clock skew) counts as now. */
    public void note(String accessKeyId, Instant usedAt) {
        if (accessKeyId == null || usedAt == null) {
            return;
        }
        Instant now = Timestamps.now();
        pending.merge(accessKeyId, usedAt.isAfter(now) ? now : usedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Records the uses of a stored batch: the latest time per key is found in the batch first, so the shared map is
     * touched once per key, not once per event (a batch of hundreds of events usually holds a handful of keys).
     */
    public void noteAll(List<UsageEvent> events) {
        Map<String, Instant> latest = new HashMap<>();
        for (UsageEvent e : events) {
            if (e.accessKeyId() != null && e.occurredAt() != null) {
                latest.merge(e.accessKeyId(), e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        latest.forEach(this::note);
    }

    /** Writes everything noted so far in one statement; on failure the entries go back for the next run. */
    Uni<Integer> flush() {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        String[] ids = batch.keySet().toArray(new String[0]);
        OffsetDateTime[] times = new OffsetDateTime[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = UsageRepository.utc(batch.get(ids[i]));
        }
        return pool.preparedQuery(UPDATE).execute(Tuple.of(ids, times)).map(rows -> rows.rowCount())
                .onFailure().invoke(e -> batch.forEach(this::note));
    }
}
