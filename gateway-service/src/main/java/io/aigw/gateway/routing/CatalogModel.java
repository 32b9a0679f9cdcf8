package io.aigw.gateway.routing;

import java.util.List;
import java.util.Set;

/**
 * A catalog model as the gateway routes to it. {@code surfaces} is already the effective set (the
 * model's own list narrows its provider's); {@code address} is the canonical `provider:modelId`.
 */
public record CatalogModel(String providerId, String modelId, String providerModelId, String address,
        String displayName, Integer contextLength, Integer maxOutputTokens, List<String> aliases, boolean bareId,
        Set<Surface> surfaces, Set<String> unsupportedParameters, Pricing pricing, long createdEpochSecond,
        Set<String> inputModalities) {

    /** Without input modalities (unknown: no image check). */
    public CatalogModel(String providerId, String modelId, String providerModelId, String address, String displayName,
            Integer contextLength, Integer maxOutputTokens, List<String> aliases, boolean bareId, Set<Surface> surfaces,
            Set<String> unsupportedParameters, Pricing pricing, long createdEpochSecond) {
        this(providerId, modelId, providerModelId, address, displayName, contextLength, maxOutputTokens, aliases, bareId,
                surfaces, unsupportedParameters, pricing, createdEpochSecond, Set.of());
    }

    /** Whether it takes images: listed in its input modalities, or they are not known. */
    public boolean takesImages() {
        return inputModalities.isEmpty() || inputModalities.contains("image");
    }
}
