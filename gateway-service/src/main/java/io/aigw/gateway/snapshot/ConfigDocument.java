package io.aigw.gateway.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aigw.gateway.firewall.FirewallPolicyDoc;
import java.util.List;
import java.util.Map;

/** config-service's `GET /internal/v1/config-snapshot` (contracts.md); unknown fields ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigDocument(long version, String generatedAt, List<ConfigurationDoc> configurations,
        SettingsDoc settings, List<FirewallPolicyDoc> firewallPolicies) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfigurationDoc(String id, String name, AccessDoc access, RouterDoc router, LimitsDoc limits,
            FirewallRefDoc firewall) {
    }

    /** The firewall policies a configuration names, applied after the baseline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FirewallRefDoc(List<String> policies) {
    }

    /** An absent dimension is no restriction; an empty `allow` list allows nothing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessDoc(DimensionDoc providers, DimensionDoc models) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DimensionDoc(List<String> allow) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    /** {@code autoWhenModelMissing}: a request without `model` is an `aigw/auto` request (absent = false). */
    public record RouterDoc(List<RuleDoc> rules, Boolean autoWhenModelMissing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RuleDoc(String provider, String model, List<StepDoc> steps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepDoc(String type, List<String> keys, List<String> models, String strategy,
            Map<String, Integer> weights, List<String> providers) {
    }

    /** Durations in ISO-8601 (`PT1M`) or Go style (`30s`, `2m`). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SettingsDoc(String attemptTimeout, String totalTimeout, Integer maxAttempts, Long maxBodyBytes,
            LimitsDoc defaultLimits, String limitsFailMode, Long maxOutputTokens, String firewallPolicyId,
            CooldownDoc cooldown) {
    }

    /** Cooldown thresholds and the retry budget; absent fields take the defaults, {@code failures} 0 turns cooldowns off. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CooldownDoc(Integer failures, String window, String duration, Integer providerFailures,
            java.math.BigDecimal retryRatio, Integer minRetriesPerSecond) {
    }

    /** SPEC §2.4; null fields are no limit. The {@code *BudgetUsd} are per key, {@code configurationBudgetUsd} shared. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LimitsDoc(Long requestsPerMinute, Long tokensPerMinute, java.math.BigDecimal dailyBudgetUsd,
            java.math.BigDecimal weeklyBudgetUsd, java.math.BigDecimal monthlyBudgetUsd, BudgetsDoc configurationBudgetUsd,
            Boolean allowUnpricedModels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BudgetsDoc(java.math.BigDecimal daily, java.math.BigDecimal weekly, java.math.BigDecimal monthly) {
    }
}
