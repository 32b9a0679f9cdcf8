package io.aigw.keys.providerkey;

/**
 * The redacted view of a provider secret, e.g. {@code sk-or-v1-ab***wxyz}: the vendor prefix (up to
 * its last dash within the first 12 characters) plus 2 characters, and the last 4. Short values show
 * less, and values under 12 characters show nothing.
 */
final class ProviderKeyRedactor {

    private ProviderKeyRedactor() {
    }

    static String redact(String value) {
        int n = value.length();
        if (n < 12) {
            return "***";
        }
        if (n < 24) {
            return value.substring(0, 2) + "***" + value.substring(n - 2);
        }
        int prefixEnd = value.lastIndexOf('-', 11) + 1;
        return value.substring(0, prefixEnd + 2) + "***" + value.substring(n - 4);
    }
}
