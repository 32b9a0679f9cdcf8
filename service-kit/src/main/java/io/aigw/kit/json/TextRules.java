package io.aigw.kit.json;

/**
 * Text that can be stored and addressed: no NUL or other C0/C1 control character (tab, line feed and carriage
 * return allowed in free text), no lone UTF-16 surrogate. PostgreSQL refuses NUL; a lone surrogate cannot be encoded.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} cannot be stored as free text, or null when it can. */
    public static String problem(String text) {
        return check(text, true);
    }

    /** Like {@link #problem} but refuses every control character, for ids and query values. */
    public static String strictProblem(String text) {
        return check(text, false);
    }

    private static String check(String text, boolean allowLineBreaks) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "Must not contain a NUL character.";
            }
            if (Character.isISOControl(c) && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return "Must not contain control characters.";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "Must not contain a lone surrogate.";
            }
            if (Character.isLowSurrogate(c)) {
                return "Must not contain a lone surrogate.";
            }
        }
        return null;
    }
}
