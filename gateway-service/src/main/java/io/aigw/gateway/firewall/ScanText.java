package io.aigw.gateway.firewall;

/**
 * A text the rules read, with its case-folded copy made at most once however many case-insensitive pre-filters
 * look at it. The fold maps what RE2's {@code (?i)} lets match an ASCII letter to that letter in lower case: ASCII
 * capitals, the Kelvin sign (k) and the long s (s); every other character is kept, so indexes do not move.
 */
final class ScanText {

    final String text;
    private String folded;

    ScanText(String text) {
        this.text = text;
    }

    String folded() {
        if (folded == null) {
            folded = fold(text);
        }
        return folded;
    }

    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c == '\u212A' ? 'k' : c == '\u017F' ? 's' : c;
            if (f != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = f;
            }
        }
        return chars == null ? text : new String(chars);
    }
}
