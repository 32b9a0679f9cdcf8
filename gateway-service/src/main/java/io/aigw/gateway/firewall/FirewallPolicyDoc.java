package io.aigw.gateway.firewall;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A firewall policy as config-service publishes it (snapshot `firewallPolicies[]`); unknown fields ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FirewallPolicyDoc(String id, String name, String mode, String onError, List<RuleDoc> rules) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleDoc(String id, String kind, String tier, String action, List<String> targets,
            List<String> patterns, String pattern, List<String> detectors, String statement, String model) {
    }
}
