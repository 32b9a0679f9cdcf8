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
 */
public record CatalogView(Map<String, Boolean> providers, Set<String> models,
        Map<String, List<String>> byModelId, Map<String, List<String>> bareIds,
        Map<String, String> providerKeys) {

    public boolean knowsProvider(String id) {
        return providers.containsKey(id);
    }

    public boolean allowsPassThrough(String provider) {
        return Boolean.TRUE.equals(providers.get(provider));
    }
}
