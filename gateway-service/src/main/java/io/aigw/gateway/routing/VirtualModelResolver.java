package io.aigw.gateway.routing;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands a virtual model into its targets, in order (SPEC §1.2). The name is allowed when the scope's model
 * dimension allows it; each target is then checked against the whole scope and the surface, and one outside them
 * is skipped with its reason. A `provider:model` target is that model; a bare target is every active catalog model
 * answering to that id, the one the bare id resolves to first, then the others by provider id.
 */
public final class VirtualModelResolver {

    static final String OUTSIDE_SCOPE = "outside the access scope";

    private VirtualModelResolver() {
    }

    /** The virtual model {@code text} names, or null when it is a catalog address (which wins) or nothing. */
    public static VirtualModel lookup(String text, RoutingSnapshot snapshot) {
        if (text == null || text.indexOf(':') >= 0 || snapshot.bareModel(text) != null) {
            return null;
        }
        return snapshot.virtualModel(text);
    }

    /**
     * The usable targets of {@code virtual}; {@code skipped} receives the others. Throws when none is left:
     * `model_not_allowed` (403) when scope removed any, else `unsupported_surface` (400).
     */
    public static List<ModelAddress> expand(VirtualModel virtual, RoutingSnapshot snapshot, RoutePolicy policy,
            Surface surface, String param, List<Skip> skipped) {
        if (!policy.access().allowsModel(virtual.name())) {
            throw new GatewayException(ErrorCode.MODEL_NOT_ALLOWED,
                    "This access key may not call model \"" + virtual.name() + "\".", param);
        }
        List<ModelAddress> usable = new ArrayList<>();
        boolean scopeSkipped = false;
        for (ModelAddress address : targets(virtual, snapshot, skipped)) {
            if (!allowed(address, policy.access())) {
                skipped.add(Skip.virtualTarget(address.canonical(), virtual.name(), Skip.OUTSIDE_SCOPE, OUTSIDE_SCOPE));
                scopeSkipped = true;
            } else if (address.upstreamSurface(surface) == null) {
                skipped.add(Skip.virtualTarget(address.canonical(), virtual.name(), Skip.NOT_SERVED,
                        "not served on " + surface.id()));
            } else {
                usable.add(address);
            }
        }
        if (usable.isEmpty()) {
            String detail = "No target of virtual model \"" + virtual.name() + "\" can serve this request: "
                    + String.join("; ", skipped.stream().map(Skip::header).toList()) + ".";
            throw new GatewayException(scopeSkipped ? ErrorCode.MODEL_NOT_ALLOWED : ErrorCode.UNSUPPORTED_SURFACE,
                    detail, param);
        }
        return usable;
    }

    /** The targets the scope allows, whatever the surface (for `/v1/models`). */
    public static List<ModelAddress> allowedTargets(VirtualModel virtual, RoutingSnapshot snapshot, AccessScope scope) {
        if (!scope.allowsModel(virtual.name())) {
            return List.of();
        }
        return targets(virtual, snapshot, new ArrayList<>()).stream().filter(a -> allowed(a, scope)).toList();
    }

    private static boolean allowed(ModelAddress address, AccessScope scope) {
        return scope.allowsProvider(address.provider().id()) && scope.allowsModel(address.canonical());
    }

    /** Every target resolved against the snapshot, in order and without repeats; unknown ones go to {@code skipped}. */
    private static List<ModelAddress> targets(VirtualModel virtual, RoutingSnapshot snapshot, List<Skip> skipped) {
        Set<String> seen = new LinkedHashSet<>();
        List<ModelAddress> addresses = new ArrayList<>();
        for (String target : virtual.targets()) {
            int colon = target.indexOf(':');
            List<ModelAddress> resolved = new ArrayList<>();
            if (colon > 0 && snapshot.provider(RoutingSnapshot.lower(target.substring(0, colon))) != null) {
                try {
                    resolved.add(ModelAddressParser.parse(target, snapshot, null));
                } catch (GatewayException e) {
                    skipped.add(Skip.virtualTarget(target, virtual.name(), Skip.NOT_IN_CATALOG, "not in the catalog"));
                }
            } else {
                for (CatalogModel model : snapshot.modelsNamed(target)) {
                    resolved.add(new ModelAddress(snapshot.provider(model.providerId()), model.modelId(), model));
                }
                if (resolved.isEmpty()) {
                    skipped.add(Skip.virtualTarget(target, virtual.name(), Skip.NOT_IN_CATALOG,
                            "no active provider serves it"));
                }
            }
            for (ModelAddress address : resolved) {
                if (seen.add(address.canonical())) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }
}
