package io.aigw.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of model-catalog-service. */
@ConfigMapping(prefix = "aigw.catalog")
public interface CatalogConfig {

    /** Bootstrap admin token for {@code /admin/v1/*} (env {@code AIGW_ADMIN_TOKEN}); required outside tests. */
    Optional<String> adminToken();

    /** Service token for {@code /internal/v1/*} (env {@code AIGW_SERVICE_TOKEN}); required outside tests. */
    Optional<String> serviceToken();

    /** Hosts (exact, or {@code *.suffix}) that may be used over http and may be private/cluster-internal. */
    Optional<List<String>> allowedHttpHosts();

    /** Allow loopback upstreams (localhost, 127.0.0.0/8, ::1) over http or https (env {@code AIGW_ALLOW_LOOPBACK_UPSTREAMS}). */
    @WithDefault("false")
    boolean allowLoopbackUpstreams();

    /** Base URL of key-service, which verifies issued admin tokens ({@code aga-…}) (env {@code AIGW_KEYS_URL}). */
    @WithDefault("http://127.0.0.1:8081")
    String keysUrl();

    /** Verification of issued admin tokens with key-service. */
    AdminTokens adminTokens();

    /** Outbox relay settings. */
    Outbox outbox();

    interface AdminTokens {
        /** How long a "valid" answer is trusted (capped at 5 s, and never beyond the token's expiry). */
        @WithDefault("5s")
        Duration validTtl();

        /** How long a "not valid" answer is remembered. */
        @WithDefault("1s")
        Duration invalidTtl();

        /** Timeout of one call to key-service (connect and answer). */
        @WithDefault("2s")
        Duration verifyTimeout();

        /** Maximum number of cached answers. */
        @WithDefault("10000")
        int cacheSize();
    }

    interface Outbox {
        /** How often the relay polls for unpublished rows. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Maximum rows published per relay pass. */
        @WithDefault("100")
        int batchSize();

        /** Published rows older than this are pruned. */
        @WithDefault("P1D")
        Duration retention();
    }
}
