package io.aigw.kit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the service kit ({@code aigw.kit.*}), the same in every admin service. */
@ConfigMapping(prefix = "aigw.kit")
public interface KitConfig {

    /** Bootstrap admin token for {@code /admin/*} (from {@code AIGW_ADMIN_TOKEN}; required). */
    Optional<String> adminToken();

    /** Service token for {@code /internal/*} (from {@code AIGW_SERVICE_TOKEN}; required). */
    Optional<String> serviceToken();

    /**
     * The gateway's own token (from {@code AIGW_GATEWAY_TOKEN}), the only one a {@link io.aigw.kit.auth.GatewayOnly}
     * endpoint accepts; it also opens the rest of {@code /internal/*}. Set where such an endpoint lives (key-service).
     */
    Optional<String> gatewayToken();

    /** Base URL of key-service, which verifies issued admin tokens and owns provider keys and access keys. */
    @WithDefault("http://127.0.0.1:8081")
    String keysUrl();

    /** Base URL of model-catalog-service (providers), asked when a projection misses a fresh provider. */
    @WithDefault("http://127.0.0.1:8083")
    String catalogUrl();

    /** Base URL of config-service (configurations), asked when a projection misses a fresh configuration. */
    @WithDefault("http://127.0.0.1:8082")
    String configUrl();

    /** Time limit of one look-up in another service; past it the write answers 503. */
    @WithDefault("2s")
    java.time.Duration ownerTimeout();

    /** Verification of admin tokens issued by key-service ({@code aga-…}). */
    IssuedTokens issuedTokens();

    /** Transactional outbox relay. */
    Outbox outbox();

    /** Projections of other services' topics. */
    Projection projection();

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

        /**
         * How often the relay looks for unpublished rows whose wake-up was lost: it is woken after each admin write
         * of its process and by PostgreSQL's notification at the commit of any process's outbox row.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** How many rows the relay publishes per round (sent concurrently, one timeout for the round). */
        @WithDefault("100")
        int batchSize();

        /** How long the relay waits for Kafka's acknowledgements of one round. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** After this many failed sends a row moves to the dead letters and the events after it flow on. */
        @WithDefault("5")
        int maxAttempts();

        /** How long published rows are kept before they are pruned. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Projection {

        /** Longest pause between retries of an event the database could not apply (retried forever). */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
