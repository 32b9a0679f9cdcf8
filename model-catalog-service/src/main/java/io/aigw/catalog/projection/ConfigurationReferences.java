package io.aigw.catalog.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a configuration (contracts.md shape) names: {@code access.providers.allow[]},
 * {@code access.models.allow[]}, {@code router.rules[].provider}, {@code router.rules[].model} and
 * {@code router.rules[].steps[].models[]} (fallbacks). Model entries are canonical {@code provider:model}:
 * each also names its provider (split on the first colon). An {@code access.models.allow[]} entry without a colon is a
 * virtual model's name (config-service stores catalog models as {@code provider:model}): recorded with no provider.
 */
public final class ConfigurationReferences {

    /**
     * One reference: a provider alone ({@code modelRef} empty), a model address and its provider, or a virtual model's
     * name ({@code providerId} empty).
     */
    public record Reference(String providerId, String modelRef) {
    }

    private ConfigurationReferences() {
    }

    public static Set<Reference> of(JsonNode configuration) {
        Set<Reference> refs = new LinkedHashSet<>();
        if (configuration == null || !configuration.isObject()) {
            return refs;
        }
        JsonNode access = configuration.path("access");
        access.path("providers").path("allow").forEach(p -> provider(refs, p));
        access.path("models").path("allow").forEach(m -> {
            model(refs, m);
            virtualModel(refs, m);
        });
        for (JsonNode rule : configuration.path("router").path("rules")) {
            provider(refs, rule.get("provider"));
            model(refs, rule.get("model"));
            for (JsonNode step : rule.path("steps")) {
                step.path("models").forEach(m -> model(refs, m));
            }
        }
        return refs;
    }

    private static void provider(Set<Reference> refs, JsonNode value) {
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            refs.add(new Reference(value.asText(), ""));
        }
    }

    private static void virtualModel(Set<Reference> refs, JsonNode value) {
        if (value != null && value.isTextual() && VIRTUAL_NAME.matcher(value.asText()).matches()) {
            refs.add(new Reference("", value.asText()));
        }
    }

    private static final java.util.regex.Pattern VIRTUAL_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    private static void model(Set<Reference> refs, JsonNode value) {
        if (value == null || !value.isTextual()) {
            return;
        }
        String address = value.asText();
        int colon = address.indexOf(':');
        if (colon > 0 && colon < address.length() - 1) {
            refs.add(new Reference(address.substring(0, colon), address));
        }
    }
}
