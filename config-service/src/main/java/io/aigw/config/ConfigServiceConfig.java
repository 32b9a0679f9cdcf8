package io.aigw.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of config-service ({@code aigw.config.*}). */
@ConfigMapping(prefix = "aigw.config")
public interface ConfigServiceConfig {

    /** Bootstrap admin token for {@code /admin/v1/*} (from {@code AIGW_ADMIN_TOKEN}; required). */
    Optional<String> adminToken();

    /** Service token for {@code /internal/v1/*} (from {@code AIGW_SERVICE_TOKEN}; required). */
    Optional<String> serviceToken();

    /** Transactional outbox relay. */
    Outbox outbox();

    interface Outbox {

        /** How often the relay looks for unpublished rows (it is also woken after each commit). */
        @WithDefault("100ms")
        Duration pollInterval();

        /** How many rows the relay publishes per round. */
        @WithDefault("100")
        int batchSize();

        /** How long published rows are kept before they are pruned. */
        @WithDefault("P1D")
        Duration retention();
    }
}
