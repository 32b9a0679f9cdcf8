package io.aigw.gateway.auth;

import java.time.Instant;

/**
 * What the gateway knows of an access key: key-service's record with the secret's hash decoded, and its
 * version (0 when unknown).
 */
public record AccessKeyRecord(String id, String publicId, String configurationId, String status, Instant expiresAt,
        byte[] secretHash, long version) {

    /** Active and not past its expiry. */
    public boolean usableAt(long nowMillis) {
        return "active".equals(status) && (expiresAt == null || expiresAt.toEpochMilli() > nowMillis);
    }

    @Override
    public String toString() {
        return "AccessKeyRecord[" + id + ", " + status + ", hash REDACTED]";
    }
}
