package io.aigw.gateway.routing;

import io.aigw.gateway.firewall.Firewall;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the request path needs, immutable: swapped whole behind an atomic reference when a new
 * one is built. Maps only, so every look-up is O(1).
 */
public final class RoutingSnapshot implements ModelDirectory {

    private final String version;
    private final Map<String, Provider> providers;
    private final Map<String, Map<String, CatalogModel>> modelsByProvider;
    private final Map<String, CatalogModel> bareIndex;
    private final Map<String, CatalogModel> slashIndex;
    private final List<CatalogModel> models;
    private final Map<String, RoutePolicy> policies;
    private final Map<String, List<ProviderKeyRef>> keysByProvider;
    private final Map<String, ProviderKeyRef> keysById;
    private final GatewaySettings settings;
    private final Map<String, List<CatalogModel>> modelsByName;
    private final Map<String, VirtualModel> virtualModels;
    private final List<VirtualModel> virtualModelList;
    private final Map<String, Firewall> firewalls;
    private final Firewall baseline;

    public RoutingSnapshot(String version, Map<String, Provider> providers, Map<String, Map<String, CatalogModel>> modelsByProvider,
            Map<String, CatalogModel> bareIndex, Map<String, CatalogModel> slashIndex, List<CatalogModel> models,
            Map<String, RoutePolicy> policies, Map<String, List<ProviderKeyRef>> keysByProvider,
            Map<String, ProviderKeyRef> keysById, GatewaySettings settings) {
        this(version, providers, modelsByProvider, bareIndex, slashIndex, models, policies, keysByProvider, keysById,
                settings, Map.of(), List.of(), Map.of(), Firewall.NONE);
    }

    /**
     * {@code modelsByName}: lower-cased model id or alias → the active models of any provider answering to it (the
     * bare-id model first); {@code virtualModels} in name order; {@code firewalls}: the firewall of each configuration
     * id (baseline first); {@code baseline}: the firewall of keys without a configuration.
     */
    public RoutingSnapshot(String version, Map<String, Provider> providers, Map<String, Map<String, CatalogModel>> modelsByProvider,
            Map<String, CatalogModel> bareIndex, Map<String, CatalogModel> slashIndex, List<CatalogModel> models,
            Map<String, RoutePolicy> policies, Map<String, List<ProviderKeyRef>> keysByProvider,
            Map<String, ProviderKeyRef> keysById, GatewaySettings settings, Map<String, List<CatalogModel>> modelsByName,
            List<VirtualModel> virtualModels, Map<String, Firewall> firewalls, Firewall baseline) {
        this.firewalls = firewalls;
        this.baseline = baseline;
        this.modelsByName = modelsByName;
        this.virtualModelList = virtualModels;
        Map<String, VirtualModel> byName = new java.util.HashMap<>();
        virtualModels.forEach(v -> byName.put(lower(v.name()), v));
        this.virtualModels = Map.copyOf(byName);
        this.version = version;
        this.providers = providers;
        this.modelsByProvider = modelsByProvider;
        this.bareIndex = bareIndex;
        this.slashIndex = slashIndex;
        this.models = models;
        this.policies = policies;
        this.keysByProvider = keysByProvider;
        this.keysById = keysById;
        this.settings = settings;
    }

    /** The versions of the documents it was built from (`c<catalog>.g<config>.k<keys>`). */
    public String version() {
        return version;
    }

    @Override
    public Provider provider(String providerId) {
        return providers.get(providerId);
    }

    @Override
    public CatalogModel model(String providerId, String modelId) {
        Map<String, CatalogModel> byId = modelsByProvider.get(providerId);
        if (byId == null) {
            return null;
        }
        CatalogModel exact = byId.get(modelId);
        return exact != null ? exact : byId.get(lower(modelId));
    }

    @Override
    public CatalogModel bareModel(String id) {
        return bareIndex.get(lower(id));
    }

    @Override
    public CatalogModel modelWithSlashId(String id) {
        return slashIndex.get(lower(id));
    }

    /** The virtual model with this name (case-insensitive), or null. */
    public VirtualModel virtualModel(String name) {
        return virtualModels.get(lower(name));
    }

    /** Every virtual model, in name order. */
    public List<VirtualModel> virtualModels() {
        return virtualModelList;
    }

    /** The active models of any provider whose id or alias is {@code name} (case-insensitive), bare-id model first. */
    public List<CatalogModel> modelsNamed(String name) {
        return modelsByName.getOrDefault(lower(name), List.of());
    }

    /** Every active catalog model, providers in id order and models in id order. */
    public List<CatalogModel> models() {
        return models;
    }

    /** The policy of a configuration id; null id = allow all; null result = unknown configuration. */
    public RoutePolicy policy(String configurationId) {
        return configurationId == null ? RoutePolicy.ALLOW_ALL : policies.get(configurationId);
    }

    /** The provider's active keys in creation order. */
    public List<ProviderKeyRef> keysOf(String providerId) {
        return keysByProvider.getOrDefault(providerId, List.of());
    }

    public ProviderKeyRef key(String keyId) {
        return keysById.get(keyId);
    }

    public Map<String, ProviderKeyRef> keys() {
        return keysById;
    }

    public GatewaySettings settings() {
        return settings;
    }

    /** The firewall for keys of this configuration (null id: the baseline alone). */
    public Firewall firewall(String configurationId) {
        return configurationId == null ? baseline : firewalls.getOrDefault(configurationId, baseline);
    }

    public static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }
}
