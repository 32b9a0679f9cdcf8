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

    /** Outbox relay settings. */
    Outbox outbox();

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
