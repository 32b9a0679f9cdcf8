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

    /**
     * The surface an attempt at this model is sent on for a client request on {@code requested}: the same one
     * when served, else the first of {@link Surface#translatedTo()} that it serves (translated both ways), else
     * null.
     */
    public Surface upstreamSurface(Surface requested) {
        if (requested.callable() && serves(requested)) {
            return requested;
        }
        for (Surface target : requested.translatedTo()) {
            if (serves(target)) {
                return target;
            }
        }
        return null;
    }

    public Set<String> unsupportedParameters() {
        return model != null ? model.unsupportedParameters() : Set.of();
    }
}
