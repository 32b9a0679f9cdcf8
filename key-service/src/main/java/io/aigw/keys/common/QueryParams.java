package io.aigw.keys.common;

import io.aigw.keys.error.FieldError;
import io.aigw.keys.error.ProblemException;
import java.util.Set;

/** Query parameters read as strings and checked here, so bad values answer 400 rather than 404. */
public final class QueryParams {

    private QueryParams() {
    }

    public static Integer limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw ProblemException.validation(FieldError.parameter("limit", "Must be a number between 1 and 100."));
        }
    }

    public static void oneOf(String name, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.validation(FieldError.parameter(name, "Must be one of " + allowed + "."));
        }
    }
}
