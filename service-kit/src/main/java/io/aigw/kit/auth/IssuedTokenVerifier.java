package io.aigw.kit.auth;

import io.smallrye.mutiny.Uni;
import java.util.regex.Pattern;

/** Checks admin tokens issued by key-service ({@code aga-<publicId>-g1-<secret>}); the bootstrap token is not one. */
public interface IssuedTokenVerifier {

    Pattern SHAPE = Pattern.compile("aga-([0-9a-z]{10,32})-g1-[0-9A-Za-z]{32,128}");

    /** Whether {@code token} has the shape of an issued admin token; only those are looked up. */
    static boolean looksIssued(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** True when the token is usable now; false when not, or when it cannot be checked. */
    Uni<Boolean> isValid(String token);
}
