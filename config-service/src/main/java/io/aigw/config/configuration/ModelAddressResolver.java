package io.aigw.config.configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model entry of a configuration into its canonical {@code provider:model} address.
 *
 * <ul>
 * <li>{@code provider:model}: split on the first colon when the left part is a known provider.</li>
 * <li>{@code provider/model}: accepted when the left part is a known provider and the whole string
 * is not also another provider's model id (that would be ambiguous), stored as {@code provider:model}.</li>
 * <li>a bare id: accepted when exactly one catalog model is addressable by it.</li>
 * </ul>
 * Access scopes may also hold {@code provider:prefix*} patterns ({@link #resolveAllowed}).
 * The model must be in the provider's catalog, or the provider must allow pass-through models.
 */
public final class ModelAddressResolver {

    /** The canonical address (or a virtual model's name, {@code virtual}), or the reason why there is none. */
    public record Resolution(String canonical, String error, boolean virtual) {

        static Resolution ok(String canonical) {
            return new Resolution(canonical, null, false);
        }

        static Resolution fail(String error) {
            return new Resolution(null, error, false);
        }

        /** The provider of a model address; null for a virtual model (its targets may be of any provider). */
        public String provider() {
            return canonical == null || virtual ? null : canonical.substring(0, canonical.indexOf(':'));
        }
    }

    private ModelAddressResolver() {
    }

    /**
     * An entry of `access.models.allow`: a model as {@link #resolve} takes it, or a pattern
     * {@code provider:prefix*} (a known provider, one `*` at the end) allowing every model of that provider
     * whose id starts with the prefix ({@code anthropic:*}, {@code openai:gpt-4o*}), or a virtual model's name
     * (case-insensitive, kept as the catalog spells it; a catalog bare id of the same name would win, but the catalog
     * refuses such names). SPEC §1.2: the name is allowed by the model dimension; the gateway checks each target.
     */
    public static Resolution resolveAllowed(String entry, CatalogView view) {
        int star = entry.indexOf('*');
        if (star < 0) {
            Resolution model = resolve(entry, view);
            String virtual = entry.indexOf(':') < 0 ? view.virtualModel(entry) : null;
            return model.error() != null && virtual != null ? new Resolution(virtual, null, true) : model;
        }
        int colon = entry.indexOf(':');
        if (colon <= 0 || star != entry.length() - 1 || star < colon) {
            return Resolution.fail("a pattern is provider:prefix* with one \"*\" at the end, e.g. \"anthropic:*\"");
        }
        String provider = entry.substring(0, colon);
        return view.knowsProvider(provider) ? Resolution.ok(entry) : Resolution.fail("unknown provider \"" + provider + "\"");
    }

    /** True when {@code canonical} is one of {@code allowed}, or matches one of its {@code provider:prefix*} patterns. */
    public static boolean allows(List<String> allowed, String canonical) {
        for (String entry : allowed) {
            if (entry.endsWith("*") ? canonical.startsWith(entry.substring(0, entry.length() - 1)) : entry.equals(canonical)) {
                return true;
            }
        }
        return false;
    }

    public static Resolution resolve(String entry, CatalogView view) {
        if (entry.indexOf('*') >= 0) {
            return Resolution.fail("\"*\" patterns are only for /access/models/allow; name one model here");
        }
        int colon = entry.indexOf(':');
        if (colon > 0 && view.knowsProvider(entry.substring(0, colon))) {
            return qualified(entry.substring(0, colon), entry.substring(colon + 1), view);
        }
        int slash = entry.indexOf('/');
        if (slash > 0 && (colon < 0 || slash < colon)) {
            return slashed(entry, entry.substring(0, slash), entry.substring(slash + 1), view);
        }
        if (colon > 0) {
            return Resolution.fail("unknown provider \"" + entry.substring(0, colon) + "\"");
        }
        List<String> bare = view.bareIds().getOrDefault(entry.toLowerCase(), List.of());
        if (bare.size() == 1) {
            return Resolution.ok(bare.get(0));
        }
        return Resolution.fail("unknown model \"" + entry + "\"; write it as provider:model");
    }

    private static Resolution qualified(String provider, String model, CatalogView view) {
        if (model.isBlank()) {
            return Resolution.fail("the model id after \"" + provider + ":\" is missing");
        }
        String canonical = provider + ":" + model;
        if (view.models().contains(canonical) || view.allowsPassThrough(provider)) {
            return Resolution.ok(canonical);
        }
        return Resolution.fail("model \"" + model + "\" is not in the catalog of provider \"" + provider
                + "\", which does not allow pass-through models");
    }

    private static Resolution slashed(String entry, String left, String rest, CatalogView view) {
        List<String> others = view.byModelId().getOrDefault(entry, List.of());
        boolean leftValid = view.knowsProvider(left) && !rest.isBlank()
                && (view.models().contains(left + ":" + rest) || view.allowsPassThrough(left));
        if (leftValid && others.isEmpty()) {
            return Resolution.ok(left + ":" + rest);
        }
        List<String> candidates = new ArrayList<>(others);
        if (leftValid) {
            candidates.add(0, left + ":" + rest);
            return Resolution.fail("\"" + entry + "\" is ambiguous; write one of " + quoted(candidates));
        }
        if (!candidates.isEmpty()) {
            return Resolution.fail("unknown model \"" + entry + "\"; did you mean " + quoted(candidates) + "?");
        }
        if (view.knowsProvider(left)) {
            return qualified(left, rest, view);
        }
        return Resolution.fail("unknown model \"" + entry + "\"; write it as provider:model");
    }

    private static String quoted(List<String> values) {
        return String.join(" or ", values.stream().map(v -> "\"" + v + "\"").toList());
    }
}
