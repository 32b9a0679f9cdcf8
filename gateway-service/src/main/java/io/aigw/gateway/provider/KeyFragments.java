package io.aigw.gateway.provider;

import java.util.HashSet;
import java.util.Set;

/**
 * Masks every substring of a secret that is at least {@code min} characters long wherever it appears in a text, at
 * any offset: each {@code min}-character window of the text that is also a window of the secret is covered, and
 * overlapping or adjacent covered windows are replaced together by one mask.
 */
final class KeyFragments {

    private KeyFragments() {
    }

    static String mask(String text, String secret, int min, String replacement) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        if (secret.length() < min) {
            return text.replace(secret, replacement);
        }
        Set<String> windows = new HashSet<>();
        for (int i = 0; i + min <= secret.length(); i++) {
            windows.add(secret.substring(i, i + min));
        }
        boolean[] covered = new boolean[text.length()];
        boolean any = false;
        for (int i = 0; i + min <= text.length(); i++) {
            if (windows.contains(text.substring(i, i + min))) {
                for (int j = i; j < i + min; j++) {
                    covered[j] = true;
                }
                any = true;
            }
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !covered[i - 1]) {
                out.append(replacement);
            }
        }
        return out.toString();
    }
}
