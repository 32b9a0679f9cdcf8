package io.aigw.gateway.snapshot;

import io.aigw.gateway.routing.CatalogModel;
import io.aigw.gateway.routing.Provider;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.snapshot.CatalogDocument.ModelDoc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's models indexed for address parsing: per provider, by bare id, by slash id, and by any id or alias
 * across providers (the bare targets of virtual models).
 */
record ModelIndex(Map<String, Map<String, CatalogModel>> byProvider, Map<String, CatalogModel> bare,
        Map<String, CatalogModel> slash, List<CatalogModel> all, Map<String, List<CatalogModel>> named) {

    private static final String PREFERRED_SLASH_PROVIDER = "openrouter";

    static ModelIndex of(Map<String, Provider> providers, List<ModelDoc> docs) {
        List<CatalogModel> all = new ArrayList<>();
        for (ModelDoc doc : docs) {
            Provider provider = providers.get(doc.providerId());
            if (provider != null && "active".equals(doc.status())) {
                all.add(SnapshotBuilder.model(doc, provider));
            }
        }
        all.sort(Comparator.comparing(CatalogModel::providerId).thenComparing(CatalogModel::modelId));
        Map<String, Map<String, CatalogModel>> byProvider = new HashMap<>();
        Map<String, CatalogModel> bare = new HashMap<>();
        Map<String, CatalogModel> slash = new HashMap<>();
        Map<String, List<CatalogModel>> named = new HashMap<>();
        for (CatalogModel m : all) {
            Map<String, CatalogModel> own = byProvider.computeIfAbsent(m.providerId(), p -> new HashMap<>());
            List<String> names = new ArrayList<>(m.aliases().size() + 1);
            names.add(m.modelId());
            names.addAll(m.aliases());
            for (String name : names) {
                own.putIfAbsent(name, m);
                own.putIfAbsent(RoutingSnapshot.lower(name), m);
                List<CatalogModel> sameName = named.computeIfAbsent(RoutingSnapshot.lower(name), n -> new ArrayList<>());
                if (!sameName.contains(m)) {
                    sameName.add(m);
                }
                if (m.bareId()) {
                    CatalogModel previous = bare.putIfAbsent(RoutingSnapshot.lower(name), m);
                    if (previous != null && previous != m) {
                        throw new IllegalArgumentException("bare id \"" + name + "\" is ambiguous: "
                                + previous.address() + " and " + m.address());
                    }
                }
            }
            if (m.modelId().indexOf('/') >= 0) {
                String key = RoutingSnapshot.lower(m.modelId());
                CatalogModel previous = slash.get(key);
                if (previous == null || PREFERRED_SLASH_PROVIDER.equals(m.providerId())) {
                    slash.put(key, m);
                }
            }
        }
        byProvider.replaceAll((p, m) -> Map.copyOf(m));
        named.forEach((name, models) -> {
            CatalogModel preferred = bare.get(name);
            if (preferred != null && models.remove(preferred)) {
                models.add(0, preferred);
            }
        });
        named.replaceAll((n, m) -> List.copyOf(m));
        return new ModelIndex(Map.copyOf(byProvider), Map.copyOf(bare), Map.copyOf(slash), List.copyOf(all),
                Map.copyOf(named));
    }
}
