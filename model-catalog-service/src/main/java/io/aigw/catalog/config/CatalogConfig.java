package io.aigw.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Configuration of model-catalog-service (tokens, outbox and projections: {@code aigw.kit.*}, see service-kit). */
@ConfigMapping(prefix = "aigw.catalog")
public interface CatalogConfig {

    /** Hosts (exact, or {@code *.suffix}) that may be used over http and may be private/cluster-internal. */
    Optional<List<String>> allowedHttpHosts();

    /** Allow loopback upstreams (localhost, 127.0.0.0/8, ::1) over http or https (env {@code AIGW_ALLOW_LOOPBACK_UPSTREAMS}). */
    @WithDefault("false")
    boolean allowLoopbackUpstreams();
}
