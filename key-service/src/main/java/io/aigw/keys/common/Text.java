package io.aigw.keys.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.problem.FieldError;
import java.util.List;

/** Checks for the plain text fields shared by the aggregates (name, description). */
public final class Text {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;

    private Text() {
    }

    public static void name(String name, String pointer, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(FieldError.at(pointer, "Is required."));
        } else if (name.length() > MAX_NAME) {
            errors.add(FieldError.at(pointer, "Must be at most " + MAX_NAME + " characters."));
        }
    }

    public static void description(String description, String pointer, List<FieldError> errors) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(FieldError.at(pointer, "Must be at most " + MAX_DESCRIPTION + " characters."));
        }
    }

    /** A PATCH field that must be a string or null. Adds an error and returns false otherwise. */
    public static boolean stringOrNull(JsonNode node, String pointer, List<FieldError> errors) {
        if (node != null && !node.isNull() && !node.isTextual()) {
            errors.add(FieldError.at(pointer, "Must be a string or null."));
            return false;
        }
        return true;
    }
}
