package io.aigw.keys.admintoken;

import java.time.Instant;

/** An admin token as the admin API shows it: no secret, no hash. */
public record AdminTokenResponse(String id, String name, String status, Instant expiresAt, String redacted,
        long version, Instant createdAt, Instant updatedAt, String createdBy) {
}
