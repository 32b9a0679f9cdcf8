package io.aigw.config.configuration;

import io.aigw.kit.projection.ReferenceGuards;
import io.aigw.kit.projection.OwnerLookup;
import io.aigw.config.configuration.ConfigurationSpec.RoutingRule;
import io.aigw.config.configuration.ConfigurationSpec.RoutingStep;
import io.aigw.config.projection.CatalogModel;
import io.aigw.config.projection.CatalogModelRepository;
import io.aigw.config.projection.CatalogProvider;
import io.aigw.config.projection.CatalogProviderRepository;
import io.aigw.config.projection.CatalogVirtualModel;
import io.aigw.config.projection.CatalogVirtualModelRepository;
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
    private final CatalogVirtualModelRepository virtualModels;
    private final OwnerLookup owners;
    private final ReferenceGuards guards;

    public CatalogViewLoader(CatalogProviderRepository providers, CatalogModelRepository models,
            ProviderKeyRefRepository keys, CatalogVirtualModelRepository virtualModels, OwnerLookup owners,
            ReferenceGuards guards) {
        this.providers = providers;
        this.virtualModels = virtualModels;
        this.models = models;
        this.keys = keys;
        this.owners = owners;
        this.guards = guards;
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
        Uni<List<CatalogVirtualModel>> virtualList = virtualModels.list("deleted = false and lower(id) in :lowered",
                Parameters.with("lowered", lowered));
        // One session runs one query at a time: chain them.
        return providerList.flatMap(p -> modelList.flatMap(m -> keyList.flatMap(k -> virtualList.map(v -> view(p, m, k, v)))))
                .flatMap(view -> askOwners(view, providerIds(spec, entries), keyIds))
                .flatMap(view -> askModels(view, entries))
                .flatMap(view -> askVirtualModels(view, spec))
                .flatMap(view -> checkVirtualModels(view, spec));
    }

    /**
     * Every virtual model the access scope names is asked of the catalog with {@code ?lock=share}, under this
     * transaction's guard rows (lower-cased names, {@code for share}): it must exist and no delete of it may be in
     * progress (409), so a configuration naming it and its delete never both win (kit {@code ReferenceGuards}).
     * One the catalog no longer has is dropped from the view, and so refused as unknown.
     */
    private Uni<CatalogView> checkVirtualModels(CatalogView view, ConfigurationSpec spec) {
        if (spec.access() == null || spec.access().models() == null) {
            return Uni.createFrom().item(view);
        }
        Set<String> names = new HashSet<>();
        for (String entry : spec.access().models().allow()) {
            if (entry != null && ModelAddressResolver.resolveAllowed(entry, view).virtual()) {
                names.add(view.virtualModel(entry).toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            return Uni.createFrom().item(view);
        }
        List<Uni<Void>> lookups = new ArrayList<>();
        for (String name : names) {
            lookups.add(owners.virtualModelForReference(name).invoke(found -> {
                if (found == null) {
                    view.virtualModels().remove(name);
                }
            }).replaceWithVoid());
        }
        return guards.share(ReferenceGuards.VIRTUAL_MODEL, names)
                .chain(() -> Uni.join().all(lookups).andFailFast()).replaceWith(view);
    }

    /**
     * Read-your-writes for virtual models: a bare name in the access scope that is neither a catalog model nor a virtual
     * model the projection knows is asked of the catalog (one created a moment ago is not refused as unknown).
     */
    private Uni<CatalogView> askVirtualModels(CatalogView view, ConfigurationSpec spec) {
        if (spec.access() == null || spec.access().models() == null) {
            return Uni.createFrom().item(view);
        }
        List<Uni<Void>> lookups = new ArrayList<>();
        for (String entry : new HashSet<>(spec.access().models().allow())) {
            if (entry != null && VIRTUAL_NAME.matcher(entry).matches() && view.virtualModel(entry) == null
                    && view.bareIds().getOrDefault(entry.toLowerCase(), List.of()).size() != 1) {
                lookups.add(owners.virtualModel(entry).invoke(found -> {
                    if (found != null && found.getString("name") != null) {
                        view.virtualModels().put(entry.toLowerCase(), found.getString("name"));
                    }
                }).replaceWithVoid());
            }
        }
        return lookups.isEmpty() ? Uni.createFrom().item(view) : Uni.join().all(lookups).andFailFast().replaceWith(view);
    }

    /**
     * Read-your-writes for catalog models: a {@code provider:model} (or {@code provider/model}) entry of a known provider
     * that takes only its listed models, missing from the projection, is asked of the catalog (one created a moment ago
     * is not refused as unknown).
     */
    private Uni<CatalogView> askModels(CatalogView view, Set<String> entries) {
        List<Uni<Void>> lookups = new ArrayList<>();
        for (String address : candidateAddresses(entries)) {
            String provider = address.substring(0, address.indexOf(':'));
            if (view.knowsProvider(provider) && !view.allowsPassThrough(provider) && !view.models().contains(address)) {
                lookups.add(owners.model(address).invoke(found -> {
                    if (found != null) {
                        view.models().add(address);
                    }
                }).replaceWithVoid());
            }
        }
        return lookups.isEmpty() ? Uni.createFrom().item(view) : Uni.join().all(lookups).andFailFast().replaceWith(view);
    }

    /** The {@code provider:model} addresses that entries as written may stand for (no patterns, no bare ids). */
    private static Set<String> candidateAddresses(Set<String> entries) {
        Set<String> addresses = new HashSet<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            int slash = entry.indexOf('/');
            if (entry.indexOf('*') >= 0) {
                continue;
            }
            if (colon > 0 && colon < entry.length() - 1) {
                addresses.add(entry);
            }
            if (slash > 0 && slash < entry.length() - 1 && (colon < 0 || slash < colon)) {
                addresses.add(entry.substring(0, slash) + ":" + entry.substring(slash + 1));
            }
        }
        return addresses;
    }

    /** A virtual model's name (the catalog's grammar): a bare access entry that may be one. */
    private static final java.util.regex.Pattern VIRTUAL_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * Read-your-writes: a referenced provider that the projections have not seen yet is asked of its owner (an
     * unreachable owner is a 503, not "unknown"); provider keys are always asked ({@link #checkKeys}).
     */
    private Uni<CatalogView> askOwners(CatalogView view, Set<String> providerIds, Set<String> keyIds) {
        List<Uni<Void>> lookups = new ArrayList<>();
        for (String id : providerIds) {
            if (!id.isEmpty() && !view.providers().containsKey(id)) {
                lookups.add(owners.provider(id).invoke(found -> {
                    if (found != null) {
                        view.providers().put(id, Boolean.TRUE.equals(found.getBoolean("allowPassThroughModels")));
                    }
                }).replaceWithVoid());
            }
        }
        Uni<CatalogView> providersKnown = lookups.isEmpty() ? Uni.createFrom().item(view)
                : Uni.join().all(lookups).andFailFast().replaceWith(view);
        return providersKnown.flatMap(known -> checkKeys(known, keyIds));
    }

    /**
     * Every referenced provider key is asked of key-service, under this transaction's guard rows ({@code for share}):
     * the key must exist and no delete of it may be in progress, so a reference and the key's delete never both win.
     */
    private Uni<CatalogView> checkKeys(CatalogView view, Set<String> keyIds) {
        Set<String> ids = new HashSet<>(keyIds);
        ids.remove("");
        if (ids.isEmpty()) {
            return Uni.createFrom().item(view);
        }
        List<Uni<Void>> lookups = new ArrayList<>();
        for (String id : ids) {
            lookups.add(owners.providerKeyForReference(id).invoke(found -> {
                if (found == null) {
                    view.providerKeys().remove(id);
                } else {
                    view.providerKeys().put(id, found.getString("providerId"));
                }
            }).replaceWithVoid());
        }
        return guards.share(ReferenceGuards.PROVIDER_KEY, ids)
                .chain(() -> Uni.join().all(lookups).andFailFast()).replaceWith(view);
    }

    /**
     * After the check: every provider the stored (canonical) configuration names, and every exact catalog model address
     * ({@code provider:model}, not a pattern) it names, is asked of the catalog with {@code ?lock=share}, under this
     * transaction's guard rows ({@code for share}, kinds {@code provider} and {@code model}), so the configuration and
     * the provider's or the model's delete never both win (kit {@code ReferenceGuards}). A model address is guarded
     * whether or not the projection lists it: a pass-through provider's entry may name a model the catalog created a
     * moment ago, and is still deleting. One the catalog no longer has is a 409 (deleted a moment ago, the projection
     * has not heard yet; a retry answers 400 unknown), except a model of a pass-through provider: that entry stays
     * valid as an unlisted model.
     */
    public Uni<Void> confirm(ConfigurationSpec checked, CatalogView view) {
        Set<String> entries = modelEntries(checked);
        Set<String> ids = new java.util.TreeSet<>(providerIds(checked, entries));
        ids.remove("");
        Set<String> addresses = new java.util.TreeSet<>();
        for (String entry : entries) {
            if (entry.indexOf('*') < 0 && entry.indexOf(':') > 0) {
                addresses.add(entry);
            }
        }
        if (ids.isEmpty() && addresses.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> lookups = new ArrayList<>();
        for (String id : ids) {
            lookups.add(owners.providerForReference(id).invoke(found -> {
                if (found == null) {
                    throw io.aigw.kit.problem.ProblemException.conflict("Provider " + id
                            + " was deleted a moment ago; retry.");
                }
            }).replaceWithVoid());
        }
        for (String address : addresses) {
            String provider = address.substring(0, address.indexOf(':'));
            lookups.add(owners.modelForReference(address).invoke(found -> {
                if (found == null && !view.allowsPassThrough(provider)) {
                    throw io.aigw.kit.problem.ProblemException.conflict("Model " + address
                            + " was deleted a moment ago; retry.");
                }
            }).replaceWithVoid());
        }
        return guards.share(ReferenceGuards.PROVIDER, ids).chain(() -> guards.share(ReferenceGuards.MODEL, addresses))
                .chain(() -> Uni.join().all(lookups).andFailFast()).replaceWithVoid();
    }

    /** Providers named by the access scope, the rules, and the provider part of {@code provider:model} entries. */
    private static Set<String> providerIds(ConfigurationSpec spec, Set<String> entries) {
        Set<String> ids = new HashSet<>();
        if (spec.access() != null && spec.access().providers() != null) {
            ids.addAll(spec.access().providers().allow());
        }
        spec.router().rules().forEach(rule -> {
            ids.add(rule.provider());
            rule.steps().stream().filter(step -> step.providers() != null).forEach(step -> ids.addAll(step.providers()));
        });
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                ids.add(entry.substring(0, colon));
            }
        }
        ids.removeIf(Objects::isNull);
        return ids;
    }

    private static CatalogView view(List<CatalogProvider> providerList, List<CatalogModel> modelList,
            List<ProviderKeyRef> keyList, List<CatalogVirtualModel> virtualList) {
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
        Map<String, String> virtual = new HashMap<>();
        virtualList.forEach(v -> virtual.put(v.id.toLowerCase(), v.id));
        return new CatalogView(providers, models, byModelId, bareIds, providerKeys, virtual);
    }

    private static Set<String> modelEntries(ConfigurationSpec spec) {
        Set<String> entries = new HashSet<>();
        if (spec.access().models() != null) {
            entries.addAll(spec.access().models().allow());
        }
        for (RoutingRule rule : spec.router().rules()) {
            entries.add(rule.model());
            rule.steps().stream().filter(step -> step.models() != null && (RoutingStep.FALLBACK.equals(step.type())
                    || RoutingStep.BALANCE.equals(step.type())))
                    .forEach(step -> entries.addAll(step.models()));
        }
        entries.removeIf(Objects::isNull);
        return entries;
    }
}
