package io.aigw.keys.admintoken;

import java.time.Instant;

/** Answer of the verify call: {@code valid} false (id and expiresAt null) for any token not usable now. */
public record AdminTokenVerifyResponse(boolean valid, String id, Instant expiresAt) {

    static final AdminTokenVerifyResponse INVALID = new AdminTokenVerifyResponse(false, null, null);
}
