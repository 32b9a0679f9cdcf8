package io.aigw.gateway.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads the three documents from the services' internal APIs at start (retried with backoff until the
 * first snapshot is in force), then every {@code snapshot-refresh-interval} as a safety net. Parsing and
 * building run on a worker thread, never on an event loop.
 */
@ApplicationScoped
public class SnapshotLoader {

    private final Vertx vertx;
    private final GatewayConfig config;
    private final InternalApiClient client;
    private final SnapshotHolder holder;
    private final ObjectMapper mapper;
    private volatile boolean stopped;

    public SnapshotLoader(Vertx vertx, GatewayConfig config, InternalApiClient client, SnapshotHolder holder,
            ObjectMapper mapper) {
        this.vertx = vertx;
        this.config = config;
        this.client = client;
        this.holder = holder;
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent event) {
        loadUntilReady(config.snapshotRetryInitial().toMillis());
        long every = config.snapshotRefreshInterval().toMillis();
        if (every > 0) {
            vertx.setPeriodic(every, every, id -> {
                if (holder.current() != null && !stopped) {
                    load().onFailure(e -> Log.warnf("Snapshot refresh failed: %s", e.getMessage()));
                }
            });
        }
    }

    /** Fetches the three documents and applies them; fails when a fetch fails or the snapshot is rejected. */
    public Future<Void> load() {
        Future<Buffer> catalog = fetch(config.catalogUrl(), "/internal/v1/catalog-snapshot");
        Future<Buffer> configuration = fetch(config.configUrl(), "/internal/v1/config-snapshot");
        Future<Buffer> keys = fetch(config.keysUrl(), "/internal/v1/provider-keys");
        return Future.all(catalog, configuration, keys).compose(all -> vertx.executeBlocking(() -> {
            SnapshotSources sources = new SnapshotSources(read(catalog.result(), CatalogDocument.class),
                    read(configuration.result(), ConfigDocument.class), read(keys.result(), ProviderKeysDocument.class));
            if (!holder.apply(sources)) {
                throw new IllegalStateException("snapshot rejected");
            }
            return null;
        }, false));
    }

    private void loadUntilReady(long delayMs) {
        load().onFailure(e -> {
            if (stopped) {
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

    private <T> T read(Buffer body, Class<T> type) {
        try {
            return mapper.readValue(body.getBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(type.getSimpleName() + " does not parse", e);
        }
    }

    void stop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        stopped = true;
    }
}
