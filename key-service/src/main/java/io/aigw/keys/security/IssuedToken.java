package io.aigw.keys.security;

import io.aigw.keys.common.RandomIds;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bearer token of the form {@code <prefix>-<publicId>-g1-<secret>}: {@code ag} for access keys,
 * {@code aga} for admin tokens. The public id (12 lowercase base32 characters) finds the record; the
 * secret (40 base62 characters, about 238 bits) is only ever stored as a keyed hash.
 */
public record IssuedToken(String prefix, String publicId, String secret) {

    public static final int PUBLIC_ID_LENGTH = 12;
    public static final int SECRET_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("(ag|aga)-([0-9a-z]{10,32})-g1-([0-9A-Za-z]{32,128})");

    public static IssuedToken generate(String prefix) {
        return new IssuedToken(prefix, RandomIds.base32(PUBLIC_ID_LENGTH), RandomIds.base62(SECRET_LENGTH));
    }

    public static Optional<IssuedToken> parse(String token, String expectedPrefix) {
        Matcher m = token == null ? null : SHAPE.matcher(token);
        if (m == null || !m.matches() || !m.group(1).equals(expectedPrefix)) {
            return Optional.empty();
        }
        return Optional.of(new IssuedToken(m.group(1), m.group(2), m.group(3)));
    }

    public String value() {
        return prefix + "-" + publicId + "-g1-" + secret;
    }

    /** Enough to recognise the token, useless to an attacker: {@code ag-7h3k2m9qa1bc-g1-Xb8…k2Q}. */
    public String redacted() {
        return prefix + "-" + publicId + "-g1-" + secret.substring(0, 3) + "…" + secret.substring(secret.length() - 3);
    }

    @Override
    public String toString() {
        return "IssuedToken[" + redacted() + "]";
    }
}
