package io.aigw.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the owning services and the gateway replicas are, and how long the proxy waits for them. */
@ConfigMapping(prefix = "aigw.console")
public interface ConsoleConfig {

    /** The owning admin services by name ({@code key}, {@code config}, {@code catalog}); the route table names them. */
    Map<String, OwnerConfig> owners();

    /** Management base URLs of the gateway replicas, whose readiness (and snapshot version) the health page shows. */
    Optional<List<String>> gateways();

    /** How long the proxy waits for an owner's answer to start before it answers 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** One owning service. */
    interface OwnerConfig {

        /** Public base URL: where its {@code /admin/v1} API is served. */
        String url();

        /** Management base URL: where its {@code /q/health/ready} is served. */
        String managementUrl();
    }
}
