package io.aigw.gateway.sync;

import io.aigw.gateway.auth.AccessKeyDirectory;
import io.aigw.gateway.provider.ProviderKeyVault;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the four `*-changes` topics (one consumer, a group of its own per replica, so every replica sees
 * every event). Events are version-checked per aggregate; access-key changes evict the near-cache at once;
 * every other change asks for a (debounced) snapshot reload, and a rotated or deleted provider key also
 * forgets its decrypted value. The offsets read are tracked for readiness and the saved snapshot. Runs on
 * the connector's event loop and never blocks.
 */
@Singleton
public class ChangeConsumer {

    static final String ACCESS_KEYS = "access-key-changes";
    static final String PROVIDER_KEYS = "provider-key-changes";
    static final String CONFIG = "config-changes";
    static final String CATALOG = "catalog-changes";
    private static final String ACCESS_KEY_PREFIX = "ak_";

    private final ChangeEventReader reader;
    private final AppliedVersions versions;
    private final AccessKeyDirectory accessKeys;
    private final ProviderKeyVault vault;
    private final SnapshotReloadScheduler reloads;
    private final SyncMetrics metrics;
    private final ConsumedOffsets offsets;

    public ChangeConsumer(ChangeEventReader reader, AppliedVersions versions, AccessKeyDirectory accessKeys,
            ProviderKeyVault vault, SnapshotReloadScheduler reloads, SyncMetrics metrics, ConsumedOffsets offsets) {
        this.offsets = offsets;
        this.reader = reader;
        this.versions = versions;
        this.accessKeys = accessKeys;
        this.vault = vault;
        this.reloads = reloads;
        this.metrics = metrics;
    }

    @Incoming("changes")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Uni<Void> handled;
        try {
            handled = handle(record);
        } catch (RuntimeException e) {
            Log.errorf("Change event %s-%d@%d not applied: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            metrics.dropped(record.topic(), "failed");
            handled = Uni.createFrom().voidItem();
        }
        return handled.invoke(() -> offsets.consumed(record.topic(), record.partition(), record.offset()));
    }

    private Uni<Void> handle(ConsumerRecord<String, String> record) {
        ChangeEvent event;
        try {
            event = reader.read(record.topic(), record.value());
        } catch (IllegalArgumentException e) {
            Log.warnf("Dropped change event %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            metrics.dropped(record.topic(), "malformed");
            return Uni.createFrom().voidItem();
        }
        if (!versions.advance(event.aggregate(), event.version(), event.type())) {
            metrics.dropped(event.topic(), "stale");
            return Uni.createFrom().voidItem();
        }
        switch (event.topic()) {
            case ACCESS_KEYS -> {
                return accessKey(event);
            }
            case PROVIDER_KEYS -> {
                if ("rotated".equals(event.type()) || "deleted".equals(event.type())) {
                    vault.evict(event.id());
                }
                reloads.request(event);
            }
            case CONFIG, CATALOG -> reloads.request(event);
            default -> metrics.dropped(event.topic(), "unknown-topic");
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * Every access-key change evicts and updates the shared entry: revoked/deleted/updated records, and
     * `created` clears a cached "unknown".
     */
    private Uni<Void> accessKey(ChangeEvent event) {
        String publicId = event.data() != null && event.data().hasNonNull("publicId")
                ? event.data().get("publicId").asText()
                : event.id().startsWith(ACCESS_KEY_PREFIX) ? event.id().substring(ACCESS_KEY_PREFIX.length()) : event.id();
        return accessKeys.changed(publicId, event.type(), event.version(), event.data())
                .invoke(() -> metrics.applied(event));
    }
}
