package io.aigw.kit.paging;

import io.aigw.kit.problem.ProblemException;

/**
 * {@code ETag} = the public version, quoted ({@code "3"}). {@code If-Match} is optional on PATCH and DELETE;
 * {@code *} matches any version, a stale or unreadable one is 412 {@code precondition-failed}.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The versions an {@code If-Match} header accepts, or null for none / {@code *}. */
    public static long[] expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String[] tags = ifMatch.split(",");
        long[] versions = new long[tags.length];
        for (int i = 0; i < tags.length; i++) {
            String value = tags[i].strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            try {
                versions[i] = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw ProblemException.preconditionFailed("If-Match must be an ETag returned by this API.");
            }
        }
        return versions;
    }

    /** Throws 412 unless {@code current} is one of {@code expected} (null = no precondition). */
    public static void check(long[] expected, long current, String what) {
        if (expected == null) {
            return;
        }
        for (long version : expected) {
            if (version == current) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(what + " is at version " + current + ", not the one in If-Match.");
    }
}
