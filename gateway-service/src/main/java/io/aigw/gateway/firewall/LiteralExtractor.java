package io.aigw.gateway.firewall;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an RE2 pattern for {@link RequiredLiterals}: per top-level alternative, the longest run of plain characters
 * every match of it contains. Throws {@link Unsure} on anything it does not fully understand.
 */
final class LiteralExtractor {

    private static final int MIN_LENGTH = 3;

    static final class Unsure extends Exception {
        Unsure() {
            super(null, null, false, false);
        }
    }

    private final String p;
    private int i;
    private boolean caseInsensitive;
    private final StringBuilder run = new StringBuilder();
    private String best = "";
    private final List<String> branches = new ArrayList<>();

    LiteralExtractor(String pattern) {
        this.p = pattern;
    }

    /** {@code ["i" or "", literal…]} (case-insensitive flag, then one literal per alternative), or null. */
    List<String> extract() throws Unsure {
        leadingFlags();
        while (i < p.length()) {
            char c = p.charAt(i);
            switch (c) {
                case '|' -> {
                    endBranch();
                    i++;
                }
                case '(' -> {
                    if (inlineFlags(i)) {
                        throw new Unsure(); // flags changing mid-pattern
                    }
                    endRun();
                    i = skipGroup(i);
                    quantifier();
                }
                case '[' -> {
                    endRun();
                    i = skipClass(i);
                    quantifier();
                }
                case '.' -> {
                    endRun();
                    i++;
                    quantifier();
                }
                case '^', '$' -> {
                    endRun();
                    i++;
                }
                case ')', '*', '+', '?', '{' -> throw new Unsure();
                case '\\' -> escape();
                default -> {
                    i++;
                    literal(c);
                }
            }
        }
        endBranch();
        for (String branch : branches) {
            if (branch.length() < MIN_LENGTH) {
                return null;
            }
        }
        List<String> out = new ArrayList<>();
        out.add(caseInsensitive ? "i" : "");
        out.addAll(branches);
        return out;
    }

    private void escape() throws Unsure {
        if (i + 1 >= p.length()) {
            throw new Unsure();
        }
        char d = p.charAt(i + 1);
        i += 2;
        if (!Character.isLetterOrDigit(d)) {
            literal(d); // an escaped punctuation character is itself
            return;
        }
        endRun();
        switch (d) {
            case 'b', 'B', 'A', 'z' -> {
                // zero-width
            }
            case 'd', 'D', 's', 'S', 'w', 'W', 'n', 't', 'r', 'f', 'v', 'a' -> quantifier();
            case 'p', 'P' -> {
                if (i < p.length() && p.charAt(i) == '{') {
                    int close = p.indexOf('}', i);
                    if (close < 0) {
                        throw new Unsure();
                    }
                    i = close + 1;
                } else {
                    i++;
                }
                quantifier();
            }
            default -> throw new Unsure(); // \Q…\E, octal, hex, anything else
        }
    }

    /** A plain character: it extends the run unless a quantifier lets it be absent. */
    private void literal(char c) throws Unsure {
        boolean usable = c < 128 || (!caseInsensitive && !Character.isSurrogate(c));
        int min = quantifier();
        if (!usable || min == 0) {
            endRun();
            return;
        }
        run.append(caseInsensitive && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        if (min > 0) { // repeated: the run cannot go on past it
            endRun();
        }
    }

    /** Skips a quantifier at {@code i}: -1 when there is none, else its minimum. */
    private int quantifier() throws Unsure {
        if (i >= p.length()) {
            return -1;
        }
        char q = p.charAt(i);
        int min;
        if (q == '*' || q == '?') {
            min = 0;
            i++;
        } else if (q == '+') {
            min = 1;
            i++;
        } else if (q == '{') {
            int close = p.indexOf('}', i);
            String inside = close < 0 ? "" : p.substring(i + 1, close);
            if (!inside.matches("\\d+(,\\d*)?")) {
                throw new Unsure(); // RE2 would read a literal brace: not worth the subtlety
            }
            min = Integer.parseInt(inside.split(",")[0]);
            i = close + 1;
        } else {
            return -1;
        }
        if (i < p.length() && p.charAt(i) == '?') {
            i++; // lazy
        }
        return min;
    }

    private void leadingFlags() throws Unsure {
        if (!inlineFlags(0)) {
            return;
        }
        boolean on = true;
        for (i = 2; p.charAt(i) != ')'; i++) {
            char f = p.charAt(i);
            if (f == '-') {
                on = false;
            } else if (f == 'i') {
                caseInsensitive = on;
            }
        }
        i++;
    }

    /** Whether a {@code (?flags)} group (not a {@code (?flags:…)} one) starts at {@code at}. */
    private boolean inlineFlags(int at) {
        if (!p.startsWith("(?", at)) {
            return false;
        }
        int j = at + 2;
        while (j < p.length() && "imsU-".indexOf(p.charAt(j)) >= 0) {
            j++;
        }
        return j > at + 2 && j < p.length() && p.charAt(j) == ')';
    }

    private int skipGroup(int at) throws Unsure {
        int depth = 0;
        int j = at;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                j = skipClass(j);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        throw new Unsure();
    }

    /** The index past a character class starting at {@code at} ({@code []a]} and {@code [^]a]} included). */
    private int skipClass(int at) throws Unsure {
        int j = at + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '[' && p.startsWith("[:", j)) {
                int close = p.indexOf(":]", j + 2);
                if (close < 0) {
                    throw new Unsure();
                }
                j = close + 2;
            } else if (c == ']') {
                return j + 1;
            } else {
                j++;
            }
        }
        throw new Unsure();
    }

    private void endRun() {
        if (run.length() > best.length()) {
            best = run.toString();
        }
        run.setLength(0);
    }

    private void endBranch() {
        endRun();
        branches.add(best);
        best = "";
    }
}
