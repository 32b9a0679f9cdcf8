package io.aigw.gateway.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts the routing snapshot in force. At start: the snapshot saved in Redis when there is one (no admin
 * service needed; the change topics are then followed from the offsets saved with it), else the three
 * documents from the services' internal APIs, retried with backoff until the first snapshot is in force.
 * Afterwards from the internal APIs: when change events ask for it and every {@code snapshot-refresh-interval}
 * as a safety net; each new version built that way is saved to Redis for the next replica to start from.
 * Parsing and building run on a worker thread, never on an event loop.
 */
@Singleton
public class SnapshotLoader {

    static final String FROM_REDIS = "redis";
    static final String FROM_INTERNAL_APIS = "internal-api";

    private final Vertx vertx;
    private final GatewayConfig config;
    private final InternalApiClient client;
    private final SnapshotHolder holder;
    private final ObjectMapper mapper;
    private final SavedSnapshotStore saved;
    private final SnapshotSaver saver;
    private final SnapshotStart start;
    private final OffsetSource offsets;
    private final AtomicLong loadsStarted = new AtomicLong();
    private long lastAppliedTicket;
    private volatile boolean stopped;

    public SnapshotLoader(Vertx vertx, GatewayConfig config, InternalApiClient client, SnapshotHolder holder,
            ObjectMapper mapper, SavedSnapshotStore saved, SnapshotSaver saver, SnapshotStart start,
            OffsetSource offsets) {
        this.saver = saver;
        this.vertx = vertx;
        this.config = config;
        this.client = client;
        this.holder = holder;
        this.mapper = mapper;
        this.saved = saved;
        this.start = start;
        this.offsets = offsets;
    }

    void start(@Observes StartupEvent event) {
        startFromRedis().onComplete(fromRedis -> {
            if (fromRedis.succeeded() && fromRedis.result()) {
                return;
            }
            start.fromInternalApis();
            loadUntilReady(config.snapshotRetryInitial().toMillis());
        });
        long every = config.snapshotRefreshInterval().toMillis();
        if (every > 0) {
            vertx.setPeriodic(every, every, id -> {
                if (holder.current() != null && !stopped) {
                    load().onFailure(e -> Log.warnf("Snapshot refresh failed: %s", e.getMessage()));
                }
            });
        }
    }

    /**
     * Fetches the three documents and applies them (then saves a new version to Redis); fails when a fetch
     * fails or the snapshot is rejected.
     */
    public Future<Void> load() {
        long ticket = loadsStarted.incrementAndGet();
        Map<String, Long> reflected = offsets.positions();
        Future<Buffer> catalog = fetch(config.catalogUrl(), "/internal/v1/catalog-snapshot");
        Future<Buffer> configuration = fetch(config.configUrl(), "/internal/v1/config-snapshot");
        Future<Buffer> keys = fetch(config.keysUrl(), "/internal/v1/provider-keys");
        return Future.all(catalog, configuration, keys).compose(all -> {
            RawDocuments documents = new RawDocuments(catalog.result().getBytes(), configuration.result().getBytes(),
                    keys.result().getBytes());
            return applyUnlessOvertaken(ticket, documents, reflected);
        });
    }

    /** True when a saved snapshot was found in Redis and put in force. */
    private Future<Boolean> startFromRedis() {
        if (!config.redisSnapshot()) {
            return Future.succeededFuture(false);
        }
        return Future.fromCompletionStage(saved.load().subscribeAsCompletionStage())
                .compose(found -> found.isEmpty() ? Future.succeededFuture(false)
                        : apply(found.get().documents(), FROM_REDIS).map(applied -> {
                            if (applied) {
                                saver.startedFrom(found.get().version(), found.get().offsets().size());
                                start.fromRedis(found.get().offsets());
                            }
                            return applied;
                        }))
                .recover(e -> {
                    Log.warnf("No snapshot from Redis (%s); loading from the internal APIs", e.getMessage());
                    return Future.succeededFuture(false);
                });
    }

    /**
     * Loads run concurrently (start-up, event reloads, the periodic refresh): one that started before the load
     * already in force read older documents and is dropped, so the snapshot never goes back in
     * time. One applied is handed to the saver in the same step (saves keep the order of application). Fails
     * when the snapshot is rejected.
     */
    private Future<Void> applyUnlessOvertaken(long ticket, RawDocuments documents, Map<String, Long> reflected) {
        return vertx.executeBlocking(() -> {
            synchronized (loadsStarted) {
                if (ticket < lastAppliedTicket) {
                    return null;
                }
                if (!holder.apply(sources(documents), FROM_INTERNAL_APIS)) {
                    throw new IllegalStateException("snapshot rejected");
                }
                lastAppliedTicket = ticket;
                saver.save(documents, holder.current().version(), reflected);
                return null;
            }
        }, false);
    }

    private SnapshotSources sources(RawDocuments documents) {
        return new SnapshotSources(read(documents.catalog(), CatalogDocument.class),
                read(documents.config(), ConfigDocument.class), read(documents.providerKeys(), ProviderKeysDocument.class));
    }

    private Future<Boolean> apply(RawDocuments documents, String source) {
        return vertx.executeBlocking(() -> holder.apply(sources(documents), source), false);
    }

    private void loadUntilReady(long delayMs) {
        load().onFailure(e -> {
            if (stopped || holder.current() != null) {
                return;
            }
            long next = Math.min(delayMs * 2, config.snapshotRetryMax().toMillis());
            Log.warnf("Routing snapshot not loaded (%s); retrying in %d ms", e.getMessage(), delayMs);
            vertx.setTimer(delayMs, id -> loadUntilReady(next));
        });
    }

    private Future<Buffer> fetch(String baseUrl, String path) {
        return client.get(baseUrl, path).map(answer -> {
            if (answer.status() != 200) {
                throw new IllegalStateException(path + " answered HTTP " + answer.status());
            }
            return answer.body();
        });
    }

    private <T> T read(byte[] body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(type.getSimpleName() + " does not parse", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }
}
