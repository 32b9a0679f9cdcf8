package io.aigw.console.proxy;

import java.util.regex.Pattern;

/**
 * The path the proxy routes on and forwards: the router's normalised path (dot segments removed, unreserved characters
 * decoded) with repeated slashes collapsed and an encoded {@code :} decoded, so that {@code configurations%3Avalidate}
 * reaches the same custom method as {@code configurations:validate}. An encoded slash stays encoded: it never splits
 * a segment, so it can never move a request to another owner.
 */
final class OwnerPath {

    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    private static final Pattern COLON = Pattern.compile("%3[aA]");

    private OwnerPath() {
    }

    static String of(String normalized) {
        return COLON.matcher(SLASHES.matcher(normalized).replaceAll("/")).replaceAll(":");
    }
}
