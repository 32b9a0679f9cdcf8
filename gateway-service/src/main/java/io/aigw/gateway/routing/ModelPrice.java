package io.aigw.gateway.routing;

/**
 * The price an attempt at a model is charged at, and where it came from: the catalog model's own pricing
 * (`catalog`), its provider's `defaultPricing` (`provider-default`), or the OpenRouter import's price of the
 * same model (`openrouter-import`, for pass-through models of other providers); {@link #NONE} when none is known.
 */
public record ModelPrice(Pricing pricing, String source) {

    public static final ModelPrice NONE = new ModelPrice(Pricing.UNKNOWN, "none");

    public boolean known() {
        return pricing.known();
    }

    /** The first known of: the model's pricing, the provider's default, OpenRouter's imported `<provider>/<model>`. */
    public static ModelPrice of(ModelAddress address, ModelDirectory directory) {
        CatalogModel model = address.model();
        if (model != null && model.pricing().known()) {
            return new ModelPrice(model.pricing(), "catalog");
        }
        Provider provider = address.provider();
        if (provider.defaultPricing() != null && provider.defaultPricing().known()) {
            return new ModelPrice(provider.defaultPricing(), "provider-default");
        }
        if (!"openrouter".equals(provider.id())) {
            CatalogModel imported = directory.model("openrouter", provider.id() + "/" + address.modelId());
            if (imported != null && imported.pricing().known()) {
                return new ModelPrice(imported.pricing(), "openrouter-import");
            }
        }
        return NONE;
    }
}
