package io.aigw.gateway.firewall;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The firewall's {@code decision} judge (`aigw.firewall.*`). */
@ConfigMapping(prefix = "aigw.firewall")
public interface FirewallConfig {

    /** How long one judge call may take; past it the judge has failed and the policy's {@code onError} applies. */
    @WithDefault("5s")
    Duration judgeTimeout();

    /** How long a verdict is reused for the same model, statement and text (0 = no cache). */
    @WithDefault("10m")
    Duration verdictCacheTtl();

    /** Verdicts kept per replica; the least recently used go first. */
    @WithDefault("10000")
    int verdictCacheSize();

    /** Characters of text one decision rule sends to its judge; more is a judge failure ({@code onError}). */
    @WithDefault("32768")
    int maxJudgedChars();
}
