package io.aigw.console.proxy;

/**
 * One line of the route table: requests whose path is {@code prefix} or below it go to {@code owner}, with
 * {@code prefix} replaced by {@code upstreamPrefix} (the same prefix, except for the per-service routes).
 */
public record AdminRoute(String prefix, String owner, String upstreamPrefix) {

    static AdminRoute to(String owner, String prefix) {
        return new AdminRoute(prefix, owner, prefix);
    }

    /**
     * True when {@code path} is the prefix itself or continues it with a new segment ({@code /}) or a custom
     * method ({@code :validate}, {@code :rewrap}, {@code :import}).
     */
    boolean matches(String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        if (path.length() == prefix.length()) {
            return true;
        }
        char next = path.charAt(prefix.length());
        return next == '/' || next == ':';
    }

    /** The path on the owner. */
    String upstreamPath(String path) {
        return upstreamPrefix + path.substring(prefix.length());
    }
}
