package io.aigw.gateway.routing;

import java.util.Set;

/**
 * A resolved model address: which provider serves it and under which id. {@code model} is the
 * catalog entry, or null for a pass-through model that the catalog does not list.
 */
public record ModelAddress(Provider provider, String modelId, CatalogModel model) {

    /** `provider:modelId`, as named in access scopes, rules and `X-AIGW-Model`. */
    public String canonical() {
        return model != null ? model.address() : provider.id() + ":" + modelId;
    }

    /** The id sent upstream in the body's `model` field. */
    public String upstreamModelId() {
        return model != null ? model.providerModelId() : modelId;
    }

    public boolean passThrough() {
        return model == null;
    }

    public boolean serves(Surface surface) {
        return model != null ? model.surfaces().contains(surface) : provider.serves(surface);
    }

    public Set<String> unsupportedParameters() {
        return model != null ? model.unsupportedParameters() : Set.of();
    }
}
