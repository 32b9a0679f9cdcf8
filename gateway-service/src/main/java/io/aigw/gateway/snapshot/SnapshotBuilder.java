package io.aigw.gateway.snapshot;

import io.aigw.gateway.firewall.Firewall;
import io.aigw.gateway.firewall.FirewallCompiler;
import io.aigw.gateway.firewall.FirewallPolicy;
import io.aigw.gateway.routing.AuthScheme;
import io.aigw.gateway.routing.Budgets;
import io.aigw.gateway.routing.CatalogModel;
import io.aigw.gateway.routing.CooldownSettings;
import io.aigw.gateway.routing.GatewaySettings;
import io.aigw.gateway.routing.Limits;
import io.aigw.gateway.routing.Pricing;
import io.aigw.gateway.routing.Provider;
import io.aigw.gateway.routing.ProviderKeyRef;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.routing.UpstreamTarget;
import io.aigw.gateway.routing.VirtualModel;
import io.aigw.gateway.snapshot.CatalogDocument.ModelDoc;
import io.aigw.gateway.snapshot.CatalogDocument.ProviderDoc;
import io.aigw.gateway.snapshot.ProviderKeysDocument.ProviderKeyDoc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link RoutingSnapshot} from the three control-plane documents. Throws
 * {@link IllegalArgumentException} on anything it cannot route with, so that a bad document is
 * rejected and the previous snapshot keeps serving. Inactive providers, models and keys are left out.
 */
public final class SnapshotBuilder {

    private static final String ACTIVE = "active";

    private SnapshotBuilder() {
    }

    public static RoutingSnapshot build(SnapshotSources sources) {
        CatalogDocument catalog = Objects.requireNonNull(sources.catalog(), "catalog snapshot");
        ConfigDocument config = Objects.requireNonNull(sources.config(), "config snapshot");
        ProviderKeysDocument keys = Objects.requireNonNull(sources.providerKeys(), "provider keys");
        Map<String, Provider> providers = providers(catalog);
        ModelIndex models = ModelIndex.of(providers, list(catalog.models()));
        Map<String, List<ProviderKeyRef>> byProvider = new HashMap<>();
        Map<String, ProviderKeyRef> byId = new HashMap<>();
        list(keys.providerKeys()).stream()
                .filter(k -> ACTIVE.equals(k.status()) && providers.containsKey(k.providerId()))
                .sorted(Comparator.comparing((ProviderKeyDoc k) -> instant(k.createdAt())).thenComparing(ProviderKeyDoc::id))
                .forEach(k -> {
                    ProviderKeyRef ref = new ProviderKeyRef(require(k.id(), "provider key id"), k.providerId(), k.version());
                    byProvider.computeIfAbsent(k.providerId(), p -> new ArrayList<>()).add(ref);
                    byId.put(ref.id(), ref);
                });
        byProvider.replaceAll((p, l) -> List.copyOf(l));
        RoutingSnapshot partial = RoutingSnapshot.builder("")
                .catalog(providers, models.byProvider(), models.bare(), models.slash(), models.all(), Map.of()).build();
        String version = "c" + catalog.version() + ".g" + config.version() + ".k" + keys.version();
        Map<String, FirewallPolicy> firewallPolicies = FirewallCompiler.compile(list(config.firewallPolicies()));
        String baseline = config.settings() == null ? null : config.settings().firewallPolicyId();
        Map<String, Firewall> firewalls = new HashMap<>();
        for (ConfigDocument.ConfigurationDoc doc : list(config.configurations())) {
            firewalls.put(require(doc.id(), "configuration id"), FirewallCompiler.select(firewallPolicies, baseline,
                    doc.firewall() == null ? List.of() : doc.firewall().policies()));
        }
        return RoutingSnapshot.builder(version)
                .catalog(providers, models.byProvider(), models.bare(), models.slash(), models.all(), models.named())
                .virtualModels(virtualModels(catalog))
                .policies(PolicyCompiler.compile(list(config.configurations()), partial))
                .keys(Map.copyOf(byProvider), Map.copyOf(byId))
                .settings(settings(config.settings()))
                .firewalls(Map.copyOf(firewalls), FirewallCompiler.select(firewallPolicies, baseline, List.of()))
                .build();
    }

    /** Virtual models in name order; their targets are resolved per request, so a missing target only narrows them. */
    private static List<VirtualModel> virtualModels(CatalogDocument catalog) {
        return list(catalog.virtualModels()).stream()
                .map(v -> new VirtualModel(require(v.name(), "virtual model name"), v.description(),
                        List.copyOf(list(v.targets())), instant(v.createdAt()).getEpochSecond()))
                .sorted(Comparator.comparing(VirtualModel::name)).toList();
    }

    private static Map<String, Provider> providers(CatalogDocument catalog) {
        Map<String, Provider> providers = new HashMap<>();
        for (ProviderDoc p : list(catalog.providers())) {
            if (!ACTIVE.equals(p.status())) {
                continue;
            }
            String id = require(p.id(), "provider id");
            Set<Surface> surfaces = surfaces(p.surfaces());
            Map<Surface, UpstreamTarget> targets = new EnumMap<>(Surface.class);
            for (Surface s : surfaces) {
                targets.put(s, UpstreamTarget.of(require(p.baseUrl(), "baseUrl of " + id), s));
            }
            providers.put(id, new Provider(id, AuthScheme.parse(p.authScheme()),
                    p.extraHeaders() == null ? Map.of() : Map.copyOf(p.extraHeaders()),
                    !Boolean.FALSE.equals(p.keyRequired()), !Boolean.FALSE.equals(p.allowPassThroughModels()),
                    Set.copyOf(surfaces), Map.copyOf(targets), pricing(p.defaultPricing())));
        }
        return Map.copyOf(providers);
    }

    static CatalogModel model(ModelDoc m, Provider provider) {
        Set<Surface> own = surfaces(m.surfaces());
        Set<Surface> effective = EnumSet.noneOf(Surface.class);
        effective.addAll(provider.surfaces());
        if (!own.isEmpty()) {
            effective.retainAll(own);
        }
        String modelId = require(m.modelId(), "modelId");
        Pricing pricing = pricing(m.pricing());
        return new CatalogModel(provider.id(), modelId, m.providerModelId() == null ? modelId : m.providerModelId(),
                provider.id() + ":" + modelId, m.displayName(), m.contextLength(), m.maxOutputTokens(),
                list(m.aliases()), Boolean.TRUE.equals(m.bareId()), Set.copyOf(effective),
                Set.copyOf(list(m.unsupportedParameters())), pricing, instant(m.createdAt()).getEpochSecond(),
                Set.copyOf(list(m.inputModalities())));
    }

    /** Rates as given; a negative one makes the document unusable (a price is never a credit). */
    static Pricing pricing(CatalogDocument.PricingDoc p) {
        if (p == null) {
            return Pricing.UNKNOWN;
        }
        Pricing pricing = new Pricing(p.inputPerMTok(), p.outputPerMTok(), p.cachedInputPerMTok(), p.cacheWritePerMTok(),
                p.cacheWrite1hPerMTok(), p.reasoningPerMTok(), p.perRequest());
        for (java.math.BigDecimal rate : new java.math.BigDecimal[] {pricing.inputPerMTok(), pricing.outputPerMTok(),
                pricing.cachedInputPerMTok(), pricing.cacheWritePerMTok(), pricing.cacheWrite1hPerMTok(),
                pricing.reasoningPerMTok(), pricing.perRequest()}) {
            if (rate != null && rate.signum() < 0) {
                throw new IllegalArgumentException("negative price");
            }
        }
        return pricing;
    }

    private static GatewaySettings settings(ConfigDocument.SettingsDoc s) {
        GatewaySettings d = GatewaySettings.DEFAULTS;
        if (s == null) {
            return d;
        }
        GatewaySettings result = new GatewaySettings(
                s.attemptTimeout() == null ? d.attemptTimeout() : DurationText.parse(s.attemptTimeout()),
                s.totalTimeout() == null ? d.totalTimeout() : DurationText.parse(s.totalTimeout()),
                s.maxAttempts() == null ? d.maxAttempts() : s.maxAttempts(),
                s.maxBodyBytes() == null ? d.maxBodyBytes() : s.maxBodyBytes(), limits(s.defaultLimits()),
                failOpen(s.limitsFailMode()), s.maxOutputTokens(), cooldown(s.cooldown()));
        if (result.maxAttempts() < 1 || result.maxBodyBytes() < 1 || result.attemptTimeout().isNegative()
                || result.attemptTimeout().isZero() || result.totalTimeout().isNegative() || result.totalTimeout().isZero()) {
            throw new IllegalArgumentException("gateway settings out of range");
        }
        return result;
    }

    static CooldownSettings cooldown(ConfigDocument.CooldownDoc doc) {
        CooldownSettings d = CooldownSettings.DEFAULTS;
        if (doc == null) {
            return d;
        }
        CooldownSettings c = new CooldownSettings(doc.failures() == null ? d.failures() : doc.failures(),
                doc.window() == null ? d.window() : DurationText.parse(doc.window()),
                doc.duration() == null ? d.duration() : DurationText.parse(doc.duration()),
                doc.providerFailures() == null ? d.providerFailures() : doc.providerFailures(),
                doc.retryRatio() == null ? d.retryRatio() : doc.retryRatio().doubleValue(),
                doc.minRetriesPerSecond() == null ? d.minRetriesPerSecond() : doc.minRetriesPerSecond());
        if (c.failures() < 0 || c.providerFailures() < 0 || c.window().isNegative() || c.window().isZero()
                || c.retryRatio() < 0 || c.minRetriesPerSecond() < 0
                || c.duration().isNegative() || c.duration().isZero()) {
            throw new IllegalArgumentException("cooldown settings out of range");
        }
        return c;
    }

    static Limits limits(ConfigDocument.LimitsDoc doc) {
        if (doc == null) {
            return Limits.NONE;
        }
        if ((doc.requestsPerMinute() != null && doc.requestsPerMinute() < 0)
                || (doc.tokensPerMinute() != null && doc.tokensPerMinute() < 0)) {
            throw new IllegalArgumentException("limits out of range");
        }
        ConfigDocument.BudgetsDoc shared = doc.configurationBudgetUsd();
        return new Limits(doc.requestsPerMinute(), doc.tokensPerMinute(),
                budgets(doc.dailyBudgetUsd(), doc.weeklyBudgetUsd(), doc.monthlyBudgetUsd()),
                shared == null ? Budgets.NONE : budgets(shared.daily(), shared.weekly(), shared.monthly()),
                Boolean.TRUE.equals(doc.allowUnpricedModels()));
    }

    private static Budgets budgets(java.math.BigDecimal daily, java.math.BigDecimal weekly, java.math.BigDecimal monthly) {
        for (java.math.BigDecimal usd : new java.math.BigDecimal[] {daily, weekly, monthly}) {
            if (usd != null && usd.signum() < 0) {
                throw new IllegalArgumentException("budget out of range");
            }
        }
        return new Budgets(daily, weekly, monthly);
    }

    private static boolean failOpen(String mode) {
        if (mode == null || "open".equals(mode)) {
            return true;
        }
        if ("closed".equals(mode)) {
            return false;
        }
        throw new IllegalArgumentException("limitsFailMode must be open or closed");
    }

    private static Set<Surface> surfaces(List<String> ids) {
        Set<Surface> surfaces = EnumSet.noneOf(Surface.class);
        for (String id : list(ids)) {
            Surface s = Surface.fromId(id);
            if (s != null) {
                surfaces.add(s);
            }
        }
        return surfaces;
    }

    static Instant instant(String text) {
        return text == null ? Instant.EPOCH : Instant.parse(text);
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
