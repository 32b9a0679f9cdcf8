package io.aigw.config.firewall;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an operator writes: a firewall policy without its server-side fields. {@code mode} is {@code enforce} or
 * {@code audit} (match and record, never block or redact); {@code onError} ({@code block} / {@code allow}) is what
 * the gateway does when the policy cannot be applied (text over the scan bound, a failing judge).
 */
public record FirewallPolicySpec(String name, String description, String mode, String onError, List<Rule> rules) {

    /**
     * One rule; the fields beyond {@code id}, {@code kind}, {@code tier}, {@code action} and {@code targets} depend
     * on the kind: {@code patterns} (toolName globs), {@code pattern} (regex, RE2), {@code detectors} (pii),
     * {@code statement} and {@code model} (decision).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String id, String kind, String tier, String action, List<String> targets,
            List<String> patterns, String pattern, List<String> detectors, String statement, String model) {
    }
}
