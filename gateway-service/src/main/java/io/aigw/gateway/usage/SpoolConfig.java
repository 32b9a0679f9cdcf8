package io.aigw.gateway.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The local spool of usage events Kafka could not take (`aigw.usage-events.spool.*`). */
@ConfigMapping(prefix = "aigw.usage-events.spool")
public interface SpoolConfig {

    /** Directory of the segment files (the chart mounts an emptyDir or a PVC here). */
    @WithDefault("${java.io.tmpdir}/aigw-usage-spool")
    String dir();

    /** The most the spool may hold; events beyond it are dropped (counted and logged once per outage). */
    @WithDefault("1073741824")
    long maxBytes();

    /** A segment file is closed and a new one started past this size. */
    @WithDefault("16777216")
    long segmentBytes();

    /** How often appended records are forced to disk (records are fsynced in batches, never one by one). */
    @WithDefault("200ms")
    Duration syncInterval();

    /** How often, while Kafka is unreachable, the oldest spooled events are tried again. */
    @WithDefault("2s")
    Duration retryInterval();
}
