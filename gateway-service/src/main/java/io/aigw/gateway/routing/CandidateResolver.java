package io.aigw.gateway.routing;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves `model` and the `models` fallbacks of a request and checks every one against the access scope
 * and the surface before any attempt (SPEC §1.3): one failing entry rejects the whole request. A virtual model
 * stands for its targets in order ({@link VirtualModelResolver}): targets outside the scope or the surface are
 * skipped, not refused.
 */
public final class CandidateResolver {

    private CandidateResolver() {
    }

    public static Candidates resolve(String model, List<String> fallbacks, RoutingSnapshot snapshot,
            RoutePolicy policy, Surface surface) {
        List<ModelAddress> candidates = new ArrayList<>(1 + fallbacks.size());
        List<Skip> skipped = new ArrayList<>(0);
        add(model, "model", snapshot, policy, surface, candidates, skipped);
        for (String fallback : fallbacks) {
            add(fallback, "models", snapshot, policy, surface, candidates, skipped);
        }
        return new Candidates(candidates, skipped);
    }

    /** `aigw/auto`'s choice ({@link AutoModel}), then the `models` fallbacks as for any request. */
    public static Candidates resolveAuto(List<ModelAddress> chosen, List<String> fallbacks, RoutingSnapshot snapshot,
            RoutePolicy policy, Surface surface) {
        List<ModelAddress> candidates = new ArrayList<>(chosen);
        List<Skip> skipped = new ArrayList<>(0);
        for (String fallback : fallbacks) {
            add(fallback, "models", snapshot, policy, surface, candidates, skipped);
        }
        return new Candidates(candidates, skipped);
    }

    private static void add(String text, String param, RoutingSnapshot snapshot, RoutePolicy policy, Surface surface,
            List<ModelAddress> candidates, List<Skip> skipped) {
        VirtualModel virtual = VirtualModelResolver.lookup(text, snapshot);
        if (virtual != null) {
            candidates.addAll(VirtualModelResolver.expand(virtual, snapshot, policy, surface, param, skipped));
        } else {
            candidates.add(check(ModelAddressParser.parse(text, snapshot, param), policy, surface, param));
        }
    }

    private static ModelAddress check(ModelAddress address, RoutePolicy policy, Surface surface, String param) {
        String provider = address.provider().id();
        if (!policy.access().allowsProvider(provider)) {
            throw new GatewayException(ErrorCode.PROVIDER_NOT_ALLOWED,
                    "This access key may not call provider \"" + provider + "\".", param);
        }
        if (!policy.access().allowsModel(address.canonical())) {
            throw new GatewayException(ErrorCode.MODEL_NOT_ALLOWED,
                    "This access key may not call model \"" + address.canonical() + "\".", param);
        }
        if (address.upstreamSurface(surface) == null) {
            throw new GatewayException(ErrorCode.UNSUPPORTED_SURFACE, "\"" + address.canonical()
                    + "\" is not served on " + surface.id() + " by provider \"" + provider + "\".", param);
        }
        return address;
    }
}
