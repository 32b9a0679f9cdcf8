package io.aigw.gateway.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** model-catalog-service's `GET /internal/v1/catalog-snapshot` (contracts.md); unknown fields ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogDocument(long version, String generatedAt, List<ProviderDoc> providers, List<ModelDoc> models,
        List<VirtualModelDoc> virtualModels) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VirtualModelDoc(String name, String description, List<String> targets, String createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderDoc(String id, String displayName, String baseUrl, String authScheme,
            Map<String, String> extraHeaders, Boolean keyRequired, Boolean allowPassThroughModels, String status,
            List<String> surfaces, PricingDoc defaultPricing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModelDoc(String providerId, String modelId, String providerModelId, String displayName,
            Boolean bareId, List<String> aliases, Integer contextLength, Integer maxOutputTokens,
            List<String> surfaces, List<String> unsupportedParameters, PricingDoc pricing, String status,
            String createdAt, List<String> inputModalities) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PricingDoc(BigDecimal inputPerMTok, BigDecimal outputPerMTok, BigDecimal cachedInputPerMTok,
            BigDecimal cacheWritePerMTok, BigDecimal cacheWrite1hPerMTok, BigDecimal reasoningPerMTok,
            BigDecimal perRequest) {
    }
}
