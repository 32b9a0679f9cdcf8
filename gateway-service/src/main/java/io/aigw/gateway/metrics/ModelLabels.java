package io.aigw.gateway.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model label values (`provider:model`) bounded per provider: each provider's first {@code perProvider} models are
 * labelled as they are, later ones `<provider>:other`, so one provider's pass-through names (which any client may
 * send) never push another provider's models out. Past {@code maxProviders} providers the label reads `other`.
 * Null reads `none`.
 */
public final class ModelLabels {

    private final int perProvider;
    private final int maxProviders;
    private final Map<String, LabelCap> providers = new ConcurrentHashMap<>();

    public ModelLabels(int perProvider, int maxProviders) {
        this.perProvider = perProvider;
        this.maxProviders = maxProviders;
    }

    public String label(String model) {
        if (model == null) {
            return "none";
        }
        int colon = model.indexOf(':');
        String provider = colon > 0 ? model.substring(0, colon) : "";
        LabelCap cap = providers.get(provider);
        if (cap == null) {
            if (providers.size() >= maxProviders) {
                return "other";
            }
            cap = providers.computeIfAbsent(provider, p -> new LabelCap(perProvider, p.isEmpty() ? "other" : p + ":other"));
        }
        return cap.label(model);
    }
}
