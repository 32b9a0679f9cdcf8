package io.aigw.config.auth;

import java.time.Instant;

/** key-service's answer about one issued admin token: {@code valid}, its id and expiry (both null when invalid). */
public record AdminTokenVerdict(boolean valid, String id, Instant expiresAt) {

    static final AdminTokenVerdict INVALID = new AdminTokenVerdict(false, null, null);

    /** Valid and not past its expiry at {@code now} (a cached answer may outlive the expiry). */
    public boolean usableAt(Instant now) {
        return valid && (expiresAt == null || now.isBefore(expiresAt));
    }
}
