package io.aigw.gateway.firewall;

import java.util.List;

/**
 * A pre-filter for one RE2 pattern: literals of which every match must contain at least one (one per top-level
 * alternative, the longest run of plain characters that the alternative always matches). A text holding none of them
 * cannot match, so the pattern is not run over it: {@code String.indexOf} costs a fraction of RE2J's scan of a
 * pattern without a literal prefix. Extraction is conservative: anything it does not fully understand (inline flags
 * after the start, {@code \Q…\E}, octal or hex escapes, an alternative with no literal of three characters) gives no
 * pre-filter, and the pattern always runs. A leading {@code (?i)} makes the literals compare case-folded
 * ({@link ScanText#folded()}).
 */
final class RequiredLiterals {

    private final List<String> anyOf;
    private final boolean caseInsensitive;

    private RequiredLiterals(List<String> anyOf, boolean caseInsensitive) {
        this.anyOf = anyOf;
        this.caseInsensitive = caseInsensitive;
    }

    /** Whether the pattern may match {@code text}: false only when it holds none of the literals. */
    boolean mayMatch(ScanText text) {
        String haystack = caseInsensitive ? text.folded() : text.text;
        for (String literal : anyOf) {
            if (haystack.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    List<String> literals() {
        return anyOf;
    }

    /** The pre-filter of a pattern RE2 already accepted, or null when none is safe. */
    static RequiredLiterals of(String pattern) {
        try {
            List<String> literals = new LiteralExtractor(pattern).extract();
            return literals == null ? null : new RequiredLiterals(literals.subList(1, literals.size()),
                    literals.get(0).equals("i"));
        } catch (LiteralExtractor.Unsure e) {
            return null;
        }
    }
}
