package io.aigw.gateway.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.routing.ProviderKeyRef;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.snapshot.InternalApiClient;
import io.aigw.gateway.snapshot.SnapshotHolder;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decrypted provider-key values, fetched from key-service's internal API with the gateway token (the only
 * credential that reads them) and kept in memory only (never logged, never in Redis). Every key of a new snapshot is fetched ahead of use; a rotated key (higher
 * version) is fetched again; a failed fetch is retried on use after a second.
 */
@Singleton
public class ProviderKeyVault {

    private static final long RETRY_AFTER_FAILURE_MS = 1_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final InternalApiClient client;
    private final ObjectMapper mapper;
    private final String keysUrl;

    public ProviderKeyVault(InternalApiClient client, ObjectMapper mapper, GatewayConfig config, SnapshotHolder holder) {
        this.client = client;
        this.mapper = mapper;
        this.keysUrl = config.keysUrl();
        holder.onSwap(this::warm);
    }

    /** The key's value; completes at once when it is in memory. */
    public Future<String> value(ProviderKeyRef key) {
        Entry entry = entries.get(key.id());
        if (entry != null && entry.version >= key.version()
                && (!entry.value.failed() || System.currentTimeMillis() - entry.createdAt < RETRY_AFTER_FAILURE_MS)) {
            return entry.value;
        }
        Entry fresh = new Entry(key.version(), System.currentTimeMillis(), fetch(key));
        entries.put(key.id(), fresh);
        return fresh.value;
    }

    /** Forgets a key's value at once (rotated or deleted); the next use or snapshot fetches it again. */
    public void evict(String id) {
        entries.remove(id);
    }

    private void warm(RoutingSnapshot snapshot) {
        entries.keySet().retainAll(snapshot.keys().keySet());
        snapshot.keys().values().forEach(key -> value(key)
                .onFailure(e -> Log.warnf("Provider key %s not fetched: %s", key.id(), e.getMessage())));
    }

    private Future<String> fetch(ProviderKeyRef key) {
        return client.getAsGateway(keysUrl, "/internal/v1/provider-keys/" + key.id() + "/value").map(answer -> {
            if (answer.status() != 200) {
                throw new IllegalStateException("key-service answered HTTP " + answer.status());
            }
            try {
                Value value = mapper.readValue(answer.body().getBytes(), Value.class);
                if (value.value() == null || value.value().isEmpty()) {
                    throw new IllegalStateException("key-service sent no value");
                }
                return value.value();
            } catch (IOException e) {
                throw new IllegalStateException("key-service sent a value that does not parse");
            }
        });
    }

    private record Entry(long version, long createdAt, Future<String> value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(String id, String providerId, long version, String value) {
        @Override
        public String toString() {
            return "Value[" + id + ", REDACTED]";
        }
    }
}
