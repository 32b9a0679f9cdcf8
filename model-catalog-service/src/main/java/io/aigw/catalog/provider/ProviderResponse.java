package io.aigw.catalog.provider;

import io.aigw.catalog.model.Pricing;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A provider as the admin API, the events and the snapshot show it (contracts.md). */
public record ProviderResponse(String id, String displayName, String baseUrl, String authScheme,
        Map<String, String> extraHeaders, boolean builtIn, boolean keyRequired, boolean allowPassThroughModels,
        String website, String status, List<String> surfaces, Pricing defaultPricing, long version, Instant createdAt,
        Instant updatedAt) {

    public static ProviderResponse of(Provider p) {
        return new ProviderResponse(p.id, p.displayName, p.baseUrl, p.authScheme, p.extraHeaders, p.builtIn,
                p.keyRequired, p.allowPassThroughModels, p.website, p.status, p.surfaces, p.defaultPricing,
                p.publicVersion(), p.createdAt, p.updatedAt);
    }

    /** The writable state of {@code p}, as a request: what a PATCH is merged onto. */
    public static ProviderRequest asRequest(Provider p) {
        return new ProviderRequest(p.id, p.displayName, p.baseUrl, p.authScheme, p.extraHeaders, p.keyRequired,
                p.allowPassThroughModels, p.website, p.status, p.surfaces, p.defaultPricing);
    }
}
