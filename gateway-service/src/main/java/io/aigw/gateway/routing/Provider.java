package io.aigw.gateway.routing;

import java.util.Map;
import java.util.Set;

/**
 * A provider as the gateway routes to it: compiled from the catalog snapshot. {@code defaultPricing} prices its
 * pass-through models (and catalog models without pricing); {@link Pricing#UNKNOWN} when the operator set none.
 */
public record Provider(String id, AuthScheme authScheme, Map<String, String> extraHeaders, boolean keyRequired,
        boolean allowPassThroughModels, Set<Surface> surfaces, Map<Surface, UpstreamTarget> targets,
        Pricing defaultPricing) {

    public boolean serves(Surface surface) {
        return surfaces.contains(surface);
    }
}
