package io.aigw.kit.json;

/**
 * Rules every id obeys at create, import and look-up: not blank, no leading or trailing whitespace, no control
 * character or lone surrogate, no {@code .} or {@code ..} path segment (the HTTP layer resolves those, so the id's
 * URL would address another resource), at most {@link #MAX_LENGTH} characters.
 */
public final class Ids {

    public static final int MAX_LENGTH = 200;

    private Ids() {
    }

    /** Why {@code id} is not an acceptable id, or null when it is. */
    public static String problem(String id) {
        return problem(id, MAX_LENGTH);
    }

    public static String problem(String id, int maxLength) {
        if (id == null || id.isEmpty()) {
            return "Must not be empty.";
        }
        if (id.length() > maxLength) {
            return "Must be at most " + maxLength + " characters.";
        }
        if (!id.equals(id.strip())) {
            return "Must not start or end with whitespace.";
        }
        String text = TextRules.strictProblem(id);
        if (text != null) {
            return text;
        }
        for (String segment : id.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "Must not contain a '.' or '..' path segment.";
            }
        }
        return null;
    }
}
