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

    /** Starts a snapshot: every part not given is empty ({@link GatewaySettings#DEFAULTS}, {@link Firewall#NONE}). */
    public static Builder builder(String version) {
        return new Builder(version);
    }

    private RoutingSnapshot(Builder b) {
        this.firewalls = b.firewalls;
        this.baseline = b.baseline;
        this.modelsByName = b.modelsByName;
        this.virtualModelList = b.virtualModels;
        Map<String, VirtualModel> byName = new java.util.HashMap<>();
        b.virtualModels.forEach(v -> byName.put(lower(v.name()), v));
        this.virtualModels = Map.copyOf(byName);
        this.version = b.version;
        this.providers = b.providers;
        this.modelsByProvider = b.modelsByProvider;
        this.bareIndex = b.bareIndex;
        this.slashIndex = b.slashIndex;
        this.models = b.models;
        this.policies = b.policies;
        this.keysByProvider = b.keysByProvider;
        this.keysById = b.keysById;
        this.settings = b.settings;
    }

    /** The parts of a snapshot, named (it has too many for positional arguments); not thread-safe, used once. */
    public static final class Builder {
        private final String version;
        private Map<String, Provider> providers = Map.of();
        private Map<String, Map<String, CatalogModel>> modelsByProvider = Map.of();
        private Map<String, CatalogModel> bareIndex = Map.of();
        private Map<String, CatalogModel> slashIndex = Map.of();
        private List<CatalogModel> models = List.of();
        private Map<String, RoutePolicy> policies = Map.of();
        private Map<String, List<ProviderKeyRef>> keysByProvider = Map.of();
        private Map<String, ProviderKeyRef> keysById = Map.of();
        private GatewaySettings settings = GatewaySettings.DEFAULTS;
        private Map<String, List<CatalogModel>> modelsByName = Map.of();
        private List<VirtualModel> virtualModels = List.of();
        private Map<String, Firewall> firewalls = Map.of();
        private Firewall baseline = Firewall.NONE;

        private Builder(String version) {
            this.version = version;
        }

        /**
         * The catalog: providers by id, models by provider and id, the bare-id and slash-id indexes, every active model
         * in order, and {@code modelsByName}: lower-cased model id or alias → the active models of any provider
         * answering to it (the bare-id model first).
         */
        public Builder catalog(Map<String, Provider> providers, Map<String, Map<String, CatalogModel>> modelsByProvider,
                Map<String, CatalogModel> bareIndex, Map<String, CatalogModel> slashIndex, List<CatalogModel> models,
                Map<String, List<CatalogModel>> modelsByName) {
            this.providers = providers;
            this.modelsByProvider = modelsByProvider;
            this.bareIndex = bareIndex;
            this.slashIndex = slashIndex;
            this.models = models;
            this.modelsByName = modelsByName;
            return this;
        }

        /** Virtual models in name order. */
        public Builder virtualModels(List<VirtualModel> virtualModels) {
            this.virtualModels = virtualModels;
            return this;
        }

        public Builder policies(Map<String, RoutePolicy> policies) {
            this.policies = policies;
            return this;
        }

        public Builder keys(Map<String, List<ProviderKeyRef>> keysByProvider, Map<String, ProviderKeyRef> keysById) {
            this.keysByProvider = keysByProvider;
            this.keysById = keysById;
            return this;
        }

        public Builder settings(GatewaySettings settings) {
            this.settings = settings;
            return this;
        }

        /** {@code firewalls}: the firewall of each configuration id (baseline first); {@code baseline}: keys without one. */
        public Builder firewalls(Map<String, Firewall> firewalls, Firewall baseline) {
            this.firewalls = firewalls;
            this.baseline = baseline;
            return this;
        }

        public RoutingSnapshot build() {
            return new RoutingSnapshot(this);
        }
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
