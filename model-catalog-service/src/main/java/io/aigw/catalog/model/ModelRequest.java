package io.aigw.catalog.model;

import java.util.List;

/** Body of {@code POST /admin/v1/models}; also the merge target of a PATCH. */
public record ModelRequest(String providerId, String modelId, String providerModelId, String displayName,
        Boolean bareId, List<String> aliases, Integer contextLength, Integer maxOutputTokens,
        List<String> inputModalities, List<String> outputModalities, List<String> surfaces,
        List<String> unsupportedParameters, Pricing pricing, String status) {
}
