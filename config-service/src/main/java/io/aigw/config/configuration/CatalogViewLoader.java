package io.aigw.config.configuration;

import io.aigw.config.configuration.ConfigurationSpec.RoutingRule;
import io.aigw.config.configuration.ConfigurationSpec.RoutingStep;
import io.aigw.config.projection.CatalogModel;
import io.aigw.config.projection.CatalogModelRepository;
import io.aigw.config.projection.CatalogProvider;
import io.aigw.config.projection.CatalogProviderRepository;
import io.aigw.config.projection.ProviderKeyRef;
import io.aigw.config.projection.ProviderKeyRefRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Loads from the projections what {@link ReferenceChecker} needs to check one configuration. */
@ApplicationScoped
public class CatalogViewLoader {

    private final CatalogProviderRepository providers;
    private final CatalogModelRepository models;
    private final ProviderKeyRefRepository keys;

    public CatalogViewLoader(CatalogProviderRepository providers, CatalogModelRepository models,
            ProviderKeyRefRepository keys) {
        this.providers = providers;
        this.models = models;
        this.keys = keys;
    }

    public Uni<CatalogView> load(ConfigurationSpec spec) {
        Set<String> entries = modelEntries(spec);
        Set<String> ids = new HashSet<>(Set.of(""));
        Set<String> modelIds = new HashSet<>(Set.of(""));
        Set<String> lowered = new HashSet<>(Set.of(""));
        for (String entry : entries) {
            ids.add(entry);
            modelIds.add(entry);
            lowered.add(entry.toLowerCase());
            int slash = entry.indexOf('/');
            if (slash > 0) {
                ids.add(entry.substring(0, slash) + ":" + entry.substring(slash + 1));
            }
        }
        Set<String> keyIds = new HashSet<>(Set.of(""));
        spec.router().rules().stream().flatMap(rule -> rule.steps().stream())
                .filter(step -> RoutingStep.KEYS.equals(step.type()))
                .forEach(step -> keyIds.addAll(step.keys()));
        Uni<List<CatalogProvider>> providerList = providers.list("deleted = false");
        Uni<List<CatalogModel>> modelList = models.list("deleted = false and (id in :ids or modelId in :modelIds"
                + " or (bareId = true and lower(modelId) in :lowered))",
                Parameters.with("ids", ids).and("modelIds", modelIds).and("lowered", lowered));
        Uni<List<ProviderKeyRef>> keyList = keys.list("deleted = false and id in :ids", Parameters.with("ids", keyIds));
        // One session runs one query at a time: chain them.
        return providerList.flatMap(p -> modelList.flatMap(m -> keyList.map(k -> view(p, m, k))));
    }

    private static CatalogView view(List<CatalogProvider> providerList, List<CatalogModel> modelList,
            List<ProviderKeyRef> keyList) {
        Map<String, Boolean> providers = new HashMap<>();
        providerList.forEach(p -> providers.put(p.id, p.allowPassThrough));
        Set<String> models = new HashSet<>();
        Map<String, List<String>> byModelId = new HashMap<>();
        Map<String, List<String>> bareIds = new HashMap<>();
        for (CatalogModel model : modelList) {
            models.add(model.id);
            byModelId.computeIfAbsent(model.modelId, k -> new ArrayList<>()).add(model.id);
            if (model.bareId) {
                bareIds.computeIfAbsent(model.modelId.toLowerCase(), k -> new ArrayList<>()).add(model.id);
            }
        }
        Map<String, String> providerKeys = new HashMap<>();
        keyList.forEach(k -> providerKeys.put(k.id, k.providerId));
        return new CatalogView(providers, models, byModelId, bareIds, providerKeys);
    }

    private static Set<String> modelEntries(ConfigurationSpec spec) {
        Set<String> entries = new HashSet<>();
        if (spec.access().models() != null) {
            entries.addAll(spec.access().models().allow());
        }
        for (RoutingRule rule : spec.router().rules()) {
            entries.add(rule.model());
            rule.steps().stream().filter(step -> RoutingStep.FALLBACK.equals(step.type()))
                    .forEach(step -> entries.addAll(step.models()));
        }
        entries.removeIf(Objects::isNull);
        return entries;
    }
}
