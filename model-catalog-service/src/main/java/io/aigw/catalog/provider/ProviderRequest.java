package io.aigw.catalog.provider;

import io.aigw.catalog.model.Pricing;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /admin/v1/providers}; also the merge target of a PATCH. */
public record ProviderRequest(String id, String displayName, String baseUrl, String authScheme,
        Map<String, String> extraHeaders, Boolean keyRequired, Boolean allowPassThroughModels, String website,
        String status, List<String> surfaces, Pricing defaultPricing) {
}
