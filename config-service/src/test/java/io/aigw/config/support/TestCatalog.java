package io.aigw.config.support;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Seeds the projections the way production does: by publishing events (shaped per
 * docs/contracts.md) to the real topics, then waiting until the consumer has applied them.
 */
@ApplicationScoped
public class TestCatalog {

    private final AgroalDataSource dataSource;

    public TestCatalog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A provider id no earlier run used. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    public static String event(String kind, String type, String id, long version, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"kind\":\"" + kind + "\",\"type\":\"" + type
                + "\",\"id\":\"" + id + "\",\"version\":" + version + ",\"occurredAt\":\"" + Instant.now()
                + "\",\"data\":" + data + "}";
    }

    public void provider(String id, boolean passThrough) {
        String data = "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"baseUrl\":\"https://" + id
                + ".example/v1\",\"authScheme\":\"bearer\",\"extraHeaders\":{},\"builtIn\":false,\"keyRequired\":true,"
                + "\"allowPassThroughModels\":" + passThrough + ",\"website\":null,\"status\":\"active\","
                + "\"surfaces\":[\"openai/chat-completions\"],\"version\":1,\"createdAt\":\"" + Instant.now()
                + "\",\"updatedAt\":\"" + Instant.now() + "\"}";
        TestKafka.publish("catalog-changes", "provider:" + id, event("provider", "created", id, 1, data));
        awaitVersion("catalog_provider", id, 1);
    }

    /**
     * Publishes a model. A bare id must be unique ({@link #uniqueId}): the topic is shared with a running
     * local stack, whose config-service would otherwise find a real bare id (say {@code claude-sonnet-4-5})
     * ambiguous and refuse it.
     */
    public void model(String provider, String modelId, boolean bareId) {
        if (bareId && !modelId.matches(".*-[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a bare model id published to the shared topic must be unique: " + modelId);
        }
        String id = provider + ":" + modelId;
        String data = "{\"providerId\":\"" + provider + "\",\"modelId\":\"" + modelId + "\",\"providerModelId\":\""
                + modelId + "\",\"displayName\":\"" + modelId + "\",\"bareId\":" + bareId + ",\"aliases\":[],"
                + "\"contextLength\":128000,\"maxOutputTokens\":4096,\"inputModalities\":[\"text\"],"
                + "\"outputModalities\":[\"text\"],\"surfaces\":[],\"unsupportedParameters\":[],"
                + "\"pricing\":{\"inputPerMTok\":1,\"outputPerMTok\":2,\"cachedInputPerMTok\":null,"
                + "\"cacheWritePerMTok\":null,\"perRequest\":null},\"status\":\"active\",\"version\":1,"
                + "\"createdAt\":\"" + Instant.now() + "\",\"updatedAt\":\"" + Instant.now() + "\"}";
        TestKafka.publish("catalog-changes", "model:" + id, event("model", "created", id, 1, data));
        awaitVersion("catalog_model", id, 1);
    }

    /** Publishes a virtual model ({@code version} 1 = created) with its targets, as the catalog does. */
    public void virtualModel(String name, long version, String... targets) {
        String list = String.join(",", java.util.Arrays.stream(targets).map(t -> "\"" + t + "\"").toList());
        String data = "{\"name\":\"" + name + "\",\"description\":null,\"targets\":[" + list + "],\"version\":"
                + version + ",\"createdAt\":\"" + Instant.now() + "\",\"updatedAt\":\"" + Instant.now() + "\"}";
        TestKafka.publish("catalog-changes", "virtual-model:" + name,
                event("virtual-model", version == 1 ? "created" : "updated", name, version, data));
        awaitVersion("catalog_virtual_model", name, version);
    }

    public void deleteVirtualModel(String name, long version) {
        TestKafka.publish("catalog-changes", "virtual-model:" + name,
                event("virtual-model", "deleted", name, version, "null"));
        awaitVersion("catalog_virtual_model", name, version);
    }

    /** A new provider key of {@code provider}; answers its id. */
    public String providerKey(String provider) {
        String id = "pk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String data = "{\"id\":\"" + id + "\",\"providerId\":\"" + provider + "\",\"name\":\"" + id
                + "\",\"description\":null,\"metadata\":{},\"redacted\":\"sk-te***st\",\"status\":\"active\","
                + "\"version\":1,\"createdAt\":\"" + Instant.now() + "\",\"updatedAt\":\"" + Instant.now() + "\"}";
        TestKafka.publish("provider-key-changes", "provider-key:" + id, event("provider-key", "created", id, 1, data));
        awaitVersion("provider_key", id, 1);
        return id;
    }

    public void deleteProviderKey(String id, long version) {
        TestKafka.publish("provider-key-changes", "provider-key:" + id, event("provider-key", "deleted", id, version, "null"));
        awaitVersion("provider_key", id, version);
    }

    public void accessKey(String id, String configurationId, long version, boolean deleted) {
        String data = deleted ? "null" : "{\"id\":\"" + id + "\",\"publicId\":\"" + id.substring(3)
                + "\",\"name\":\"k\",\"description\":null,\"metadata\":{},\"configurationId\":\"" + configurationId
                + "\",\"status\":\"active\",\"expiresAt\":null,\"redacted\":\"ag-x***\",\"version\":" + version
                + ",\"createdAt\":\"" + Instant.now() + "\",\"updatedAt\":\"" + Instant.now() + "\",\"lastUsedAt\":null}";
        TestKafka.publish("access-key-changes", "access-key:" + id,
                event("access-key", deleted ? "deleted" : (version == 1 ? "created" : "updated"), id, version, data));
        awaitVersion("access_key", id, version);
    }

    /** Waits until the projection {@code table} holds {@code id} at {@code version}. */
    public void awaitVersion(String table, String id, long version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> storedVersion(table, id) == version);
    }

    public long storedVersion(String table, String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select version from " + table + " where id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        }
    }

    /** Rows in the outbox for one Kafka key. */
    public long outboxRows(String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from outbox_event where aggregate_id = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The relay "crashed" after Kafka took {@code key}'s rows and before it marked them sent: they read as unpublished
     * again. Answers how many rows that touched.
     */
    public int unmarkPublished(String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update outbox_event set published_at = null where aggregate_id = ? and published_at is not null")) {
            update.setString(1, key);
            return update.executeUpdate();
        }
    }
}
