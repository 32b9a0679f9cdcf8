package io.aigw.gateway.firewall;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code aigw_firewall_decisions_total{policy,rule,action}}: every rule match, by policy id, rule id and what it did
 * (block, redact, audit, allow). Labels are bounded by the configured policies and rules, never by request content.
 */
@Singleton
public class FirewallMetrics {

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public FirewallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(List<Finding> findings) {
        for (Finding f : findings) {
            counters.computeIfAbsent(List.of(f.policyId(), f.ruleId(), f.action().label()), l -> Counter
                    .builder("aigw.firewall.decisions").description("Firewall rule matches by policy, rule and action")
                    .tags("policy", l.get(0), "rule", l.get(1), "action", l.get(2)).register(registry)).increment();
        }
    }
}
