package io.aigw.gateway.snapshot;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;

/**
 * Gauges of the snapshot in force: the version of each document it was built from
 * (`aigw_snapshot_version{document}`, -1 before the first) and its age, the seconds since a snapshot was
 * last built and swapped in (`aigw_snapshot_age_seconds`, -1 before the first), and where it was read from
 * (`aigw_snapshot_source{source}`, 1 for the source in force).
 */
@Singleton
public class SnapshotMetrics {

    private final SnapshotHolder holder;

    public SnapshotMetrics(SnapshotHolder holder) {
        this.holder = holder;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        version(registry, "catalog", s -> s.catalog().version());
        version(registry, "config", s -> s.config().version());
        version(registry, "provider-keys", s -> s.providerKeys().version());
        for (String source : new String[] {SnapshotLoader.FROM_REDIS, SnapshotLoader.FROM_INTERNAL_APIS}) {
            Gauge.builder("aigw.snapshot.source", holder, h -> source.equals(h.source()) ? 1 : 0).tag("source", source)
                    .description("1 for where the snapshot in force was read from (redis at start, else internal-api)")
                    .register(registry);
        }
        Gauge.builder("aigw.snapshot.age", holder, h -> {
            Instant at = h.appliedAt();
            return at == null ? -1 : Duration.between(at, Instant.now()).toMillis() / 1000.0;
        }).baseUnit("seconds").description("Seconds since the routing snapshot in force was swapped in").register(registry);
    }

    private void version(MeterRegistry registry, String document, ToLongFunction<SnapshotSources> version) {
        Gauge.builder("aigw.snapshot.version", holder, h -> h.sources() == null ? -1 : version.applyAsLong(h.sources()))
                .tag("document", document).description("Version of each document of the routing snapshot in force")
                .register(registry);
    }
}
