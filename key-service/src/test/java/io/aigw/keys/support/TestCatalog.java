package io.aigw.keys.support;

import io.aigw.keys.common.RandomIds;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seeds the projections the way production does: publishes catalog and configuration events (shaped
 * per docs/contracts.md) to the real topics with ids unique to this run, then waits until the
 * consumer applied them.
 */
public final class TestCatalog {

    /** Suffix making provider ids unique to this test run (other runs and services share the topics). */
    public static final String RUN = RandomIds.base32(6);
    private static final Map<String, String> PROVIDERS = new ConcurrentHashMap<>();

    private TestCatalog() {
    }

    /** A provider named after {@code name}, unique to this run, created once and reused. */
    public static String provider(String name) {
        return PROVIDERS.computeIfAbsent(name, n -> {
            String id = n + "-" + RUN;
            publishProvider(id, "created", 1);
            return id;
        });
    }

    public static void publishProvider(String id, String type, long version) {
        String data = "deleted".equals(type) ? "null" : "{\"id\":\"" + id + "\",\"displayName\":\"" + id
                + "\",\"baseUrl\":\"https://" + id + ".example/v1\",\"authScheme\":\"bearer\",\"extraHeaders\":{},"
                + "\"builtIn\":false,\"keyRequired\":true,\"allowPassThroughModels\":true,\"website\":null,"
                + "\"status\":\"active\",\"surfaces\":[\"openai/chat-completions\"],\"version\":" + version
                + ",\"createdAt\":\"" + Instant.now() + "\",\"updatedAt\":\"" + Instant.now() + "\"}";
        TestKafka.publish("catalog-changes", "provider:" + id, event("provider", type, id, version, data));
        awaitVersion("catalog_provider", id, version);
    }

    /** A new configuration (version 1) whose single rule routes to these provider keys; answers its id. */
    public static String configuration(String... providerKeyIds) {
        String id = "cfg_" + RandomIds.base32(16);
        publishConfiguration(id, "created", 1, providerKeyIds);
        return id;
    }

    public static void publishConfiguration(String id, String type, long version, String... providerKeyIds) {
        String keys = Stream.of(providerKeyIds).map(k -> "\"" + k + "\"").collect(Collectors.joining(","));
        String rules = providerKeyIds.length == 0 ? "[]"
                : "[{\"provider\":\"openrouter\",\"steps\":[{\"type\":\"keys\",\"keys\":[" + keys + "]}]}]";
        String data = "deleted".equals(type) ? "null" : "{\"id\":\"" + id + "\",\"name\":\"" + id
                + "\",\"description\":null,\"metadata\":{},\"access\":{\"providers\":null,\"models\":null},"
                + "\"router\":{\"rules\":" + rules + "},\"limits\":{\"requestsPerMinute\":null,"
                + "\"tokensPerMinute\":null,\"monthlyBudgetUsd\":null},\"version\":" + version + ",\"createdAt\":\""
                + Instant.now() + "\",\"updatedAt\":\"" + Instant.now() + "\"}";
        TestKafka.publish("config-changes", "configuration:" + id, event("configuration", type, id, version, data));
        awaitVersion("configuration_ref", id, version);
    }

    public static String event(String kind, String type, String id, long version, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"kind\":\"" + kind + "\",\"type\":\"" + type
                + "\",\"id\":\"" + id + "\",\"version\":" + version + ",\"occurredAt\":\"" + Instant.now()
                + "\",\"data\":" + data + "}";
    }

    /** Waits until the projection {@code table} holds {@code id} at {@code version}. */
    public static void awaitVersion(String table, String id, long version) {
        await(() -> storedVersion(table, id) == version, table + " " + id + " v" + version);
    }

    public static long storedVersion(String table, String id) {
        return queryLong("select version from " + table + " where id = ?", id);
    }

    /** Runs a one-value query on the test database (-1 when there is no row). */
    public static long queryLong(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement query = prepare(connection, sql, params);
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an update on the test database (for states the API cannot produce, e.g. an expiry in the past). */
    public static int execute(String sql, Object... params) {
        try (Connection connection = connect(); PreparedStatement update = prepare(connection, sql, params)) {
            return update.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws Exception {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
