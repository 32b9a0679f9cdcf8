package io.aigw.catalog.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.problem.FieldError;
import io.aigw.catalog.model.ModelRequest;
import io.aigw.catalog.model.ModelValidator;
import io.aigw.catalog.model.Pricing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads OpenRouter's {@code GET /api/v1/models} document. Prices there are USD per token as decimal strings;
 * they become USD per million tokens exactly ({@link BigDecimal#movePointRight}), never through a double.
 * A negative price ({@code "-1"}, OpenRouter's "variable") becomes {@code null} (unknown).
 */
public final class OpenRouterModelMapper {

    private static final Pattern MODALITY = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private OpenRouterModelMapper() {
    }

    /** One request per entry, in document order; a 400 problem pointing into the document on bad input. */
    public static List<ModelRequest> read(String providerId, JsonNode document) {
        JsonNode data = document == null ? null : document.get("data");
        if (data == null || !data.isArray()) {
            throw ProblemException.validation("/data", "an OpenRouter models document has a data array");
        }
        List<ModelRequest> requests = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            String at = "/data/" + i;
            try {
                ModelRequest r = ModelValidator.normalise(entry(providerId, data.get(i), at));
                if (!ids.add(r.modelId())) {
                    throw ProblemException.validation(at + "/id", "duplicate id " + r.modelId());
                }
                requests.add(r);
            } catch (ProblemException e) {
                e.errors().forEach(error -> errors.add(error.pointer().startsWith(at)
                        ? error : FieldError.at(at, error.pointer().substring(1) + ": " + error.detail())));
            }
            if (errors.size() >= 20) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return requests;
    }

    static ModelRequest entry(String providerId, JsonNode m, String at) {
        if (m == null || !m.isObject() || !m.path("id").isTextual()) {
            throw ProblemException.validation(at + "/id", "each model needs a string id");
        }
        JsonNode pricing = m.path("pricing");
        JsonNode architecture = m.path("architecture");
        Integer context = integer(m.path("context_length"), at + "/context_length");
        if (context == null) {
            context = integer(m.path("top_provider").path("context_length"), at + "/top_provider/context_length");
        }
        return new ModelRequest(providerId, m.get("id").asText(), null, text(m.path("name")), false, List.of(),
                context, integer(m.path("top_provider").path("max_completion_tokens"),
                        at + "/top_provider/max_completion_tokens"),
                modalities(architecture.path("input_modalities")), modalities(architecture.path("output_modalities")),
                List.of(), List.of(),
                new Pricing(perMillion(pricing, "prompt", at), perMillion(pricing, "completion", at),
                        perMillion(pricing, "input_cache_read", at), perMillion(pricing, "input_cache_write", at),
                        null, perMillion(pricing, "internal_reasoning", at), perUnit(pricing, "request", at)),
                null);
    }

    static BigDecimal perMillion(JsonNode pricing, String field, String at) {
        BigDecimal perToken = perUnit(pricing, field, at);
        return perToken == null ? null : Pricing.normalise(perToken.movePointRight(6));
    }

    static BigDecimal perUnit(JsonNode pricing, String field, String at) {
        JsonNode value = pricing.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(value.asText().strip());
            return price.signum() < 0 ? null : Pricing.normalise(price);
        } catch (NumberFormatException e) {
            throw ProblemException.validation(at + "/pricing/" + field, "price must be a decimal string");
        }
    }

    private static Integer integer(JsonNode node, String pointer) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw ProblemException.validation(pointer, "must be a positive integer");
        }
        return node.asInt();
    }

    private static List<String> modalities(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<String> result = new ArrayList<>();
        node.forEach(n -> {
            String value = n.asText();
            if (MODALITY.matcher(value).matches() && !result.contains(value)) {
                result.add(value);
            }
        });
        return result.isEmpty() ? null : result;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
