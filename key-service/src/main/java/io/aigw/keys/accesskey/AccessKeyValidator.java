package io.aigw.keys.accesskey;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.keys.common.Metadata;
import io.aigw.keys.common.Text;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Field rules for access-key writes; reports every problem at once, with JSON pointers. */
final class AccessKeyValidator {

    /** Contract id shape of a configuration; existence is checked against the config-changes projection. */
    static final Pattern CONFIGURATION_ID = Pattern.compile("cfg_[0-9a-z]{16}");

    private AccessKeyValidator() {
    }

    static void validateCreate(AccessKeyCreateRequest body, Instant now) {
        if (body == null) {
            throw ProblemException.validation(FieldError.at("", "A JSON object body is required."));
        }
        List<FieldError> errors = new ArrayList<>();
        Text.name(body.name(), "/name", errors);
        Text.description(body.description(), "/description", errors);
        Metadata.validate(body.metadata(), errors);
        configurationId(body.configurationId(), errors);
        expiresAt(body.expiresAt(), now, errors);
        throwIfAny(errors);
    }

    /** Validates the shape of a PATCH and returns the parsed expiry (if one was given). */
    static Instant validatePatch(AccessKeyPatchRequest body, Instant now) {
        if (body == null) {
            throw ProblemException.validation(FieldError.at("", "A JSON object body is required."));
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.name() != null) {
            if (body.name().isTextual()) {
                Text.name(body.name().asText(), "/name", errors);
            } else {
                errors.add(FieldError.at("/name", body.name().isNull() ? "Cannot be cleared." : "Must be a string."));
            }
        }
        if (Text.stringOrNull(body.description(), "/description", errors) && present(body.description())) {
            Text.description(body.description().asText(), "/description", errors);
        }
        Metadata.validate(body.metadata(), errors);
        if (Text.stringOrNull(body.configurationId(), "/configurationId", errors) && present(body.configurationId())) {
            configurationId(body.configurationId().asText(), errors);
        }
        Instant expiresAt = null;
        if (Text.stringOrNull(body.expiresAt(), "/expiresAt", errors) && present(body.expiresAt())) {
            try {
                expiresAt = Instant.parse(body.expiresAt().asText());
                expiresAt(expiresAt, now, errors);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.at("/expiresAt", "Must be an ISO-8601 UTC timestamp."));
            }
        }
        throwIfAny(errors);
        return expiresAt;
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static void configurationId(String configurationId, List<FieldError> errors) {
        if (configurationId != null && !CONFIGURATION_ID.matcher(configurationId).matches()) {
            errors.add(FieldError.at("/configurationId", "Must be a configuration id (cfg_ and 16 base32 characters)."));
        }
    }

    private static void expiresAt(Instant expiresAt, Instant now, List<FieldError> errors) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(FieldError.at("/expiresAt", "Must be in the future."));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }
}
