package io.aigw.kit.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an untyped JSON body field by field and collects every problem with its JSON pointer,
 * so that one answer names all offending fields.
 */
public final class JsonInput {

    private final List<FieldError> errors = new ArrayList<>();

    public void error(String pointer, String detail) {
        errors.add(FieldError.at(pointer, detail));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /** True when {@code node} is a JSON object; records an error otherwise. */
    public boolean object(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            error(pointer, "must be a JSON object");
            return false;
        }
        return true;
    }

    /** Records an error for each field of {@code node} that is not in {@code allowed}. */
    public void onlyFields(JsonNode node, String pointer, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(pointer + "/" + escape(name), "unknown field");
            }
        }
    }

    /** The field's value, or null when absent or JSON null. */
    public static JsonNode present(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public String string(JsonNode parent, String field, String pointer, boolean required, int maxLength) {
        JsonNode value = present(parent, field);
        if (value == null) {
            if (required) {
                error(pointer, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            error(pointer, "must be a string");
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            error(pointer, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            error(pointer, "must be at most " + maxLength + " characters long");
            return null;
        }
        return text;
    }

    /** A whole number in [min, max], or null when absent. */
    public Long integer(JsonNode parent, String field, String pointer, long min, long max) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            error(pointer, "must be a whole number");
            return null;
        }
        long number = value.asLong();
        if (number < min || number > max) {
            error(pointer, "must be between " + min + " and " + max);
            return null;
        }
        return number;
    }

    /** A non-negative decimal, or null when absent. */
    public BigDecimal decimal(JsonNode parent, String field, String pointer) {
        JsonNode value = present(parent, field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            error(pointer, "must be a number");
            return null;
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() < 0) {
            error(pointer, "must not be negative");
            return null;
        }
        return number;
    }

    /** A list of non-blank strings (possibly empty), or null when the node is not an array. */
    public List<String> strings(JsonNode array, String pointer, int maxItems, int maxLength) {
        if (array == null || !array.isArray()) {
            error(pointer, "must be an array of strings");
            return null;
        }
        if (array.size() > maxItems) {
            error(pointer, "must have at most " + maxItems + " entries");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                error(pointer + "/" + i, "must be a non-blank string");
            } else if (item.asText().length() > maxLength) {
                error(pointer + "/" + i, "must be at most " + maxLength + " characters long");
            } else {
                values.add(item.asText().strip());
                continue;
            }
            values.add(null);
        }
        return values;
    }

    /** Escapes a member name for use in a JSON pointer (RFC 6901). */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
