package io.aigw.e2e.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A routing snapshot's version, {@code c<catalog>.g<config>.k<provider-keys>}: the versions of the
 * three documents it was built from. Parsed tolerantly: anything around those three parts is ignored.
 */
record SnapshotVersion(long catalog, long config, long providerKeys) {

    private static final Pattern FORMAT = Pattern.compile("c(\\d+)\\.g(\\d+)\\.k(\\d+)");

    /** The version in a text, or null when the text holds none (e.g. "none" before the first snapshot). */
    static SnapshotVersion find(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.find()) {
            return null;
        }
        return new SnapshotVersion(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)));
    }

    @Override
    public String toString() {
        return "c" + catalog + ".g" + config + ".k" + providerKeys;
    }
}
