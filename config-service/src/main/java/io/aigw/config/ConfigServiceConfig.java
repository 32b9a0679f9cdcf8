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

    /** Base URL of key-service, which verifies issued admin tokens (from {@code AIGW_KEYS_URL}). */
    @WithDefault("http://127.0.0.1:8081")
    String keysUrl();

    /** Verification of admin tokens issued by key-service ({@code aga-…}). */
    IssuedTokens issuedTokens();

    /** Transactional outbox relay. */
    Outbox outbox();

    interface IssuedTokens {

        /** How long a "valid" answer of key-service is reused (capped at 5 s, so a revocation bites quickly). */
        @WithDefault("5s")
        Duration validTtl();

        /** How long an "invalid" answer is reused (shorter, so a freshly issued token works at once). */
        @WithDefault("1s")
        Duration invalidTtl();

        /** Time limit of one verify call; past it the token is refused (401) and nothing is cached. */
        @WithDefault("2s")
        Duration timeout();

        /** At most this many answers are cached (keyed by a SHA-256 of the token, never the token). */
        @WithDefault("10000")
        int cacheSize();
    }

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
