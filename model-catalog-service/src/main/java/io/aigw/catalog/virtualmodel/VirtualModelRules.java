package io.aigw.catalog.virtualmodel;

import io.aigw.catalog.provider.Provider;
import io.aigw.catalog.provider.ProviderRepository;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.problem.Violations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a virtual model that need the rest of the catalog (inside the caller's transaction):
 * <ul>
 * <li>the name shadows no provider id and no catalog model (a bare id, an alias or any provider's model id),
 * case-insensitively (409 naming {@code /name});</li>
 * <li>a {@code provider:model} target names a known provider and a model in its catalog, or a provider that allows
 * pass-through models; it is stored with the catalog's spelling;</li>
 * <li>a bare target is a catalog model id (of any provider) and never a virtual model (this one included);</li>
 * <li>no target appears twice (compared case-insensitively after resolution).</li>
 * </ul>
 */
@ApplicationScoped
class VirtualModelRules {

    /** Every name a model answers to, lowered: its id and aliases, with and without the provider prefix. */
    private static final String MODEL_NAMES = "select lower(n), m.provider_id || ':' || m.model_id, lower(m.provider_id || ':' || n)"
            + " from model m, unnest(array_append(m.aliases, m.model_id)) n"
            + " where lower(n) in (:names) or lower(m.provider_id || ':' || n) in (:names)";

    private final ProviderRepository providers;
    private final VirtualModelRepository virtualModels;

    VirtualModelRules(ProviderRepository providers, VirtualModelRepository virtualModels) {
        this.providers = providers;
        this.virtualModels = virtualModels;
    }

    /** {@code r} with its targets in canonical form; throws a problem naming the field that breaks a rule. */
    Uni<VirtualModelRequest> check(VirtualModelRequest r) {
        String name = lower(r.name());
        return providers.listAll().chain(all -> {
            Map<String, Provider> byId = new HashMap<>();
            all.forEach(p -> byId.put(p.id, p));
            if (byId.containsKey(name)) {
                throw ProblemException.conflictAt("/name", "name " + r.name() + " is a provider id");
            }
            Set<String> lookups = new HashSet<>();
            lookups.add(name);
            r.targets().forEach(t -> lookups.add(lower(t)));
            return modelNames(lookups).chain(known -> {
                String shadowed = known.bare().get(name);
                if (shadowed != null) {
                    throw ProblemException.conflictAt("/name", "name " + r.name() + " is the id of catalog model " + shadowed);
                }
                List<String> bare = r.targets().stream().map(VirtualModelRules::lower).toList();
                return virtualModels.namesAmong(bare)
                        .map(virtual -> targets(r, byId, known, Set.copyOf(virtual.stream().map(VirtualModelRules::lower).toList())));
            });
        });
    }

    private static VirtualModelRequest targets(VirtualModelRequest r, Map<String, Provider> providers, KnownNames known,
            Set<String> virtualNames) {
        Violations v = new Violations();
        Set<String> seen = new HashSet<>();
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < r.targets().size(); i++) {
            String target = r.targets().get(i);
            String pointer = "/targets/" + i;
            String resolved = resolve(target, r.name(), providers, known, virtualNames, pointer, v);
            if (resolved != null && !seen.add(lower(resolved))) {
                v.add(pointer, "target " + target + " appears twice");
            }
            canonical.add(resolved);
        }
        v.throwIfAny();
        return new VirtualModelRequest(r.name(), r.description(), List.copyOf(canonical));
    }

    private static String resolve(String target, String name, Map<String, Provider> providers, KnownNames known,
            Set<String> virtualNames, String pointer, Violations v) {
        int colon = target.indexOf(':');
        Provider provider = colon > 0 ? providers.get(lower(target.substring(0, colon))) : null;
        if (provider != null) {
            String model = target.substring(colon + 1);
            String listed = known.qualified().get(lower(provider.id + ":" + model));
            if (model.isEmpty()) {
                v.add(pointer, "target " + target + " names a provider but no model");
            } else if (listed != null) {
                return listed;
            } else if (provider.allowPassThroughModels) {
                return provider.id + ":" + model;
            } else {
                v.add(pointer, "model " + model + " is not in the catalog of provider " + provider.id
                        + ", which does not allow pass-through models");
            }
            return null;
        }
        if (lower(target).equals(lower(name)) || virtualNames.contains(lower(target))) {
            v.add(pointer, "target " + target + " is a virtual model; a virtual model cannot point to another");
        } else if (known.bare().containsKey(lower(target))) {
            return target;
        } else if (colon > 0) {
            v.add(pointer, "unknown provider " + target.substring(0, colon));
        } else {
            v.add(pointer, "unknown model " + target + "; write it as provider:model");
        }
        return null;
    }

    /** Lowered bare names → one model they name; lowered {@code provider:name} → the model's canonical address. */
    private record KnownNames(Map<String, String> bare, Map<String, String> qualified) {
    }

    private static Uni<KnownNames> modelNames(Set<String> lowerNames) {
        return Panache.getSession().chain(s -> s.createNativeQuery(MODEL_NAMES, Object[].class)
                .setParameter("names", lowerNames).getResultList())
                .map(rows -> {
                    Map<String, String> bare = new HashMap<>();
                    Map<String, String> qualified = new HashMap<>();
                    for (Object[] row : rows) {
                        bare.putIfAbsent((String) row[0], (String) row[1]);
                        qualified.putIfAbsent((String) row[2], (String) row[1]);
                    }
                    return new KnownNames(bare, qualified);
                });
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
