package io.aigw.kit.auth;

import java.util.regex.Pattern;

/**
 * The one token grammar: {@code Authorization: Bearer <token>} (scheme case-insensitive, one space), the token an
 * RFC 6750 {@code b64token} of at most 512 characters, surrounding whitespace ignored. Anything else is no token.
 */
public final class BearerToken {

    private static final String PREFIX = "bearer ";
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]{1,512}=*");

    private BearerToken() {
    }

    /** The token, or null when the header holds none. */
    public static String from(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = authorization.substring(PREFIX.length()).strip();
        return B64TOKEN.matcher(token).matches() ? token : null;
    }
}
