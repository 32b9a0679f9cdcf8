package io.aigw.config.configuration;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the catalog and key projections that one validation needs.
 *
 * @param providers provider id → whether it allows pass-through models
 * @param models canonical addresses ({@code provider:model}) of known models
 * @param byModelId a provider's own model id (exact) → the canonical addresses that use it
 * @param bareIds lower-cased model id of models addressable without a prefix → canonical addresses
 * @param providerKeys provider-key id → provider id, for keys that exist
 * @param virtualModels lower-cased name → the virtual model's name as the catalog spells it
 */
public record CatalogView(Map<String, Boolean> providers, Set<String> models,
        Map<String, List<String>> byModelId, Map<String, List<String>> bareIds,
        Map<String, String> providerKeys, Map<String, String> virtualModels) {

    public CatalogView(Map<String, Boolean> providers, Set<String> models, Map<String, List<String>> byModelId,
            Map<String, List<String>> bareIds, Map<String, String> providerKeys) {
        this(providers, models, byModelId, bareIds, providerKeys, Map.of());
    }

    /** The virtual model {@code name} names (case-insensitively), as the catalog spells it; null when none. */
    public String virtualModel(String name) {
        return virtualModels.get(name.toLowerCase());
    }

    public boolean knowsProvider(String id) {
        return providers.containsKey(id);
    }

    public boolean allowsPassThrough(String provider) {
        return Boolean.TRUE.equals(providers.get(provider));
    }
}
