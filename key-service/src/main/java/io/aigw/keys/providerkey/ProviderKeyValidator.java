package io.aigw.keys.providerkey;

import io.aigw.keys.common.Metadata;
import io.aigw.keys.common.Text;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Field rules for provider-key writes. Messages never quote the value. */
final class ProviderKeyValidator {

    /** Contract id shape of a provider; existence is checked against the catalog-changes projection. */
    static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9-]{1,63}");
    static final int MAX_VALUE = 8192;

    private ProviderKeyValidator() {
    }

    static void validateCreate(ProviderKeyCreateRequest body) {
        requireBody(body);
        List<FieldError> errors = new ArrayList<>();
        if (body.providerId() == null || !PROVIDER_ID.matcher(body.providerId()).matches()) {
            errors.add(FieldError.at("/providerId", "Must be a provider id (lowercase letters, digits and '-')."));
        }
        Text.name(body.name(), "/name", errors);
        Text.description(body.description(), "/description", errors);
        Metadata.validate(body.metadata(), errors);
        value(body.value(), errors);
        throwIfAny(errors);
    }

    static void validateRotate(ProviderKeyRotateRequest body) {
        requireBody(body);
        List<FieldError> errors = new ArrayList<>();
        value(body.value(), errors);
        throwIfAny(errors);
    }

    static void validatePatch(ProviderKeyPatchRequest body) {
        requireBody(body);
        List<FieldError> errors = new ArrayList<>();
        if (body.name() != null) {
            if (body.name().isTextual()) {
                Text.name(body.name().asText(), "/name", errors);
            } else {
                errors.add(FieldError.at("/name", body.name().isNull() ? "Cannot be cleared." : "Must be a string."));
            }
        }
        if (Text.stringOrNull(body.description(), "/description", errors) && body.description() != null
                && !body.description().isNull()) {
            Text.description(body.description().asText(), "/description", errors);
        }
        Metadata.validate(body.metadata(), errors);
        throwIfAny(errors);
    }

    private static void value(String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(FieldError.at("/value", "Is required."));
        } else if (value.length() > MAX_VALUE) {
            errors.add(FieldError.at("/value", "Must be at most " + MAX_VALUE + " characters."));
        } else if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            errors.add(FieldError.at("/value", "Must not contain whitespace or control characters."));
        }
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw ProblemException.validation(FieldError.at("", "A JSON object body is required."));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
