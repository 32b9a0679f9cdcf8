package io.aigw.kit.paging;

import io.aigw.kit.problem.ProblemException;
import java.util.Set;
import java.util.TreeSet;

/** Filters given as query parameters: an unknown enum value is a 400 naming the parameter, not an empty page. */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code value} (null = no filter) must be one of {@code allowed}. */
    public static String oneOf(String name, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.parameter(name, "Must be one of " + new TreeSet<>(allowed) + ".");
        }
        return value;
    }
}
