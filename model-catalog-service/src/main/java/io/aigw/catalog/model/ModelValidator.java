package io.aigw.catalog.model;

import io.aigw.catalog.common.Surfaces;
import io.aigw.kit.problem.Violations;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import io.aigw.kit.json.Ids;

/** Field rules of a model; applies defaults for absent optional fields; errors point into the request body. */
public final class ModelValidator {

    static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9-]{1,63}");
    static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/@+~-]{1,256}");
    static final Pattern MODALITY = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    static final Pattern SURFACE = Pattern.compile(String.join("|", Surfaces.ALL.stream().map(Pattern::quote).toList()));
    static final Set<String> STATUSES = Set.of("active", "deprecated", "disabled");
    static final BigDecimal MAX_PRICE = new BigDecimal("1000000");
    static final int MAX_TOKENS = 100_000_000;

    private ModelValidator() {
    }

    public static ModelRequest normalise(ModelRequest r) {
        Violations v = new Violations();
        if (r.providerId() == null || !PROVIDER_ID.matcher(r.providerId()).matches()) {
            v.add("/providerId", "providerId must match [a-z0-9-]{1,63}");
        }
        if (!isModelId(r.modelId())) {
            v.add("/modelId", "modelId must be 1-256 characters of [A-Za-z0-9._:/@+~-], without leading, "
                    + "trailing or double slashes, and no '.' or '..' segment");
        }
        if (r.providerModelId() != null && !isModelId(r.providerModelId())) {
            v.add("/providerModelId", "providerModelId must be 1-256 characters of [A-Za-z0-9._:/@+~-]");
        }
        String displayName = r.displayName() == null || r.displayName().isBlank() ? r.modelId() : r.displayName().strip();
        if (displayName != null && displayName.length() > 300) {
            v.add("/displayName", "displayName must be at most 300 characters");
        }
        boolean bareId = r.bareId() != null && r.bareId();
        List<String> aliases = orEmpty(r.aliases());
        checkAliases(r.modelId(), bareId, aliases, v);
        checkTokens("/contextLength", r.contextLength(), v);
        checkTokens("/maxOutputTokens", r.maxOutputTokens(), v);
        List<String> input = r.inputModalities() == null ? List.of("text") : r.inputModalities();
        List<String> output = r.outputModalities() == null ? List.of("text") : r.outputModalities();
        checkList("/inputModalities", input, true, MODALITY::matcher, "a lowercase modality such as text or image", v);
        checkList("/outputModalities", output, true, MODALITY::matcher, "a lowercase modality such as text or image", v);
        List<String> surfaces = orEmpty(r.surfaces());
        checkList("/surfaces", surfaces, false, SURFACE::matcher, "one of " + Surfaces.ALL, v);
        List<String> unsupported = orEmpty(r.unsupportedParameters());
        checkList("/unsupportedParameters", unsupported, false, PARAMETER::matcher, "a parameter name", v);
        Pricing pricing = r.pricing() == null ? Pricing.NONE : r.pricing();
        checkPricing("/pricing", pricing, v);
        String status = r.status() == null ? "active" : r.status();
        if (!STATUSES.contains(status)) {
            v.add("/status", "status must be one of " + STATUSES);
        }
        v.throwIfAny();
        return new ModelRequest(r.providerId(), r.modelId(), r.providerModelId(), displayName, bareId,
                List.copyOf(aliases), r.contextLength(), r.maxOutputTokens(), List.copyOf(input), List.copyOf(output),
                List.copyOf(surfaces), List.copyOf(unsupported), pricing.normalised(), status);
    }

    static boolean isModelId(String id) {
        return id != null && MODEL_ID.matcher(id).matches() && !id.startsWith("/") && !id.endsWith("/")
                && !id.contains("//") && Ids.problem(id, 256) == null;
    }

    private static void checkAliases(String modelId, boolean bareId, List<String> aliases, Violations v) {
        if (!aliases.isEmpty() && !bareId) {
            v.add("/aliases", "aliases are extra bare ids: they need bareId true");
        }
        if (aliases.size() > 20) {
            v.add("/aliases", "at most 20 aliases");
        }
        Set<String> seen = new HashSet<>();
        if (modelId != null) {
            seen.add(modelId.toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < aliases.size(); i++) {
            String alias = aliases.get(i);
            if (!isModelId(alias)) {
                v.add("/aliases/" + i, "alias must be 1-256 characters of [A-Za-z0-9._:/@+~-]");
            } else if (!seen.add(alias.toLowerCase(Locale.ROOT))) {
                v.add("/aliases/" + i, "alias repeats the model id or another alias (case-insensitive)");
            }
        }
    }

    private static void checkTokens(String pointer, Integer value, Violations v) {
        if (value != null && (value < 1 || value > MAX_TOKENS)) {
            v.add(pointer, "must be between 1 and " + MAX_TOKENS);
        }
    }

    /** Every rate of a pricing object ({@code pointer} is where it sits in the body). */
    public static void checkPricing(String pointer, Pricing pricing, Violations v) {
        checkPrice(pointer + "/inputPerMTok", pricing.inputPerMTok(), v);
        checkPrice(pointer + "/outputPerMTok", pricing.outputPerMTok(), v);
        checkPrice(pointer + "/cachedInputPerMTok", pricing.cachedInputPerMTok(), v);
        checkPrice(pointer + "/cacheWritePerMTok", pricing.cacheWritePerMTok(), v);
        checkPrice(pointer + "/cacheWrite1hPerMTok", pricing.cacheWrite1hPerMTok(), v);
        checkPrice(pointer + "/reasoningPerMTok", pricing.reasoningPerMTok(), v);
        checkPrice(pointer + "/perRequest", pricing.perRequest(), v);
    }

    private static void checkPrice(String pointer, BigDecimal price, Violations v) {
        if (price == null) {
            return;
        }
        if (price.signum() < 0) {
            v.add(pointer, "price must not be negative");
        } else if (price.compareTo(MAX_PRICE) > 0) {
            v.add(pointer, "price must be at most " + MAX_PRICE);
        } else if (price.stripTrailingZeros().scale() > 12) {
            v.add(pointer, "price must have at most 12 decimal places");
        }
    }

    private static void checkList(String pointer, List<String> values, boolean required,
            Function<String, java.util.regex.Matcher> rule, String what, Violations v) {
        if (required && values.isEmpty()) {
            v.add(pointer, "at least one value is required");
        }
        if (values.size() > 50) {
            v.add(pointer, "at most 50 values");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !rule.apply(value).matches()) {
                v.add(pointer + "/" + i, "must be " + what);
            } else if (!seen.add(value)) {
                v.add(pointer + "/" + i, "duplicate value");
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
