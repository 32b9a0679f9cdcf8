package io.aigw.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aigw.gateway.config.GatewayConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Access-key records by public id, near-cached in this replica's memory in front of the shared
 * {@link AccessKeyStore} (Redis, then key-service). Entries are refreshed in the background once older than
 * {@code access-key-refresh-after} (a safety net beside change events), unknown ids are cached too, and a
 * failed refresh keeps serving the last known record. A change event evicts at once.
 */
@Singleton
public class AccessKeyDirectory {

    private static final CompletableFuture<Optional<AccessKeyRecord>> UNKNOWN =
            CompletableFuture.completedFuture(Optional.empty());

    private final AsyncLoadingCache<String, Optional<AccessKeyRecord>> cache;
    /** Public ids known to be unknown: answered from here, with no look-up, until they expire or a change names them. */
    private final Cache<String, Boolean> unknown;
    private final AccessKeyStore store;

    public AccessKeyDirectory(GatewayConfig config, AccessKeyStore store) {
        this.store = store;
        this.unknown = Caffeine.newBuilder().maximumSize(config.accessKeyCacheSize())
                .expireAfterWrite(config.unknownKeyTtl()).build();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.accessKeyCacheSize())
                .refreshAfterWrite(config.accessKeyRefreshAfter())
                .expireAfterWrite(config.accessKeyExpireAfter())
                .buildAsync((publicId, executor) -> store.find(publicId).subscribeAsCompletionStage());
    }

    /** The record, from memory when present; completes with empty for an unknown public id. */
    public CompletableFuture<Optional<AccessKeyRecord>> find(String publicId) {
        if (unknown.getIfPresent(publicId) != null) {
            return UNKNOWN;
        }
        CompletableFuture<Optional<AccessKeyRecord>> found = cache.get(publicId);
        if (found.isDone() && !found.isCompletedExceptionally() && found.join().isEmpty()) {
            // moved to the negative cache: no background refresh of an unknown id ever asks Redis or key-service
            unknown.put(publicId, Boolean.TRUE);
            cache.synchronous().invalidate(publicId);
        }
        return found;
    }

    /** Forgets a public id at once (revoked, deleted or changed). */
    public void evict(String publicId) {
        unknown.invalidate(publicId);
        cache.synchronous().invalidate(publicId);
    }

    /**
     * Applies an access-key change event: evicts at once, updates the shared Redis entry, and evicts again
     * once that is done (a look-up in between may have re-read the old entry). Redis down: the eviction
     * alone makes the next look-up ask key-service.
     */
    public Uni<Void> changed(String publicId, String type, long version, JsonNode data) {
        evict(publicId);
        return store.changed(publicId, type, version, data)
                .onFailure().invoke(e -> Log.warnf("Access-key change of %s not written to Redis: %s", publicId,
                        e.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(() -> evict(publicId));
    }
}
