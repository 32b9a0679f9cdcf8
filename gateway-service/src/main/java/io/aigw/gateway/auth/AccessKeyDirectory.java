package io.aigw.gateway.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.snapshot.InternalApiClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Access-key records by public id: an in-memory cache in front of key-service's
 * `GET /internal/v1/access-keys/{publicId}`. Entries are refreshed in the background once older than
 * {@code access-key-refresh-after} (so a revocation is seen within about that, even before change events
 * evict it), unknown ids are cached too, and a failed refresh keeps serving the last known record.
 */
@ApplicationScoped
public class AccessKeyDirectory {

    private final AsyncLoadingCache<String, Optional<AccessKeyRecord>> cache;
    private final InternalApiClient client;
    private final ObjectMapper mapper;
    private final String keysUrl;

    public AccessKeyDirectory(GatewayConfig config, InternalApiClient client, ObjectMapper mapper) {
        this.client = client;
        this.mapper = mapper;
        this.keysUrl = config.keysUrl();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.accessKeyCacheSize())
                .refreshAfterWrite(config.accessKeyRefreshAfter())
                .expireAfterWrite(config.accessKeyExpireAfter())
                .buildAsync((publicId, executor) -> fetch(publicId));
    }

    /** The record, from memory when present; completes with empty for an unknown public id. */
    public CompletableFuture<Optional<AccessKeyRecord>> find(String publicId) {
        return cache.get(publicId);
    }

    /** Forgets a public id at once (revoked, deleted or changed). */
    public void evict(String publicId) {
        cache.synchronous().invalidate(publicId);
    }

    private CompletableFuture<Optional<AccessKeyRecord>> fetch(String publicId) {
        return client.get(keysUrl, "/internal/v1/access-keys/" + publicId).map(answer -> {
            if (answer.status() == 404) {
                return Optional.<AccessKeyRecord>empty();
            }
            if (answer.status() != 200) {
                throw new IllegalStateException("key-service answered HTTP " + answer.status());
            }
            return Optional.of(read(answer.body().getBytes()));
        }).toCompletionStage().toCompletableFuture();
    }

    private AccessKeyRecord read(byte[] json) {
        try {
            Doc doc = mapper.readValue(json, Doc.class);
            return new AccessKeyRecord(doc.id(), doc.publicId(), doc.configurationId(), doc.status(),
                    doc.expiresAt() == null ? null : Instant.parse(doc.expiresAt()),
                    doc.secretHash() == null ? new byte[0] : Base64.getDecoder().decode(doc.secretHash()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("key-service sent an access key that does not parse");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Doc(String id, String publicId, String configurationId, String status, String expiresAt, String secretHash) {
    }
}
