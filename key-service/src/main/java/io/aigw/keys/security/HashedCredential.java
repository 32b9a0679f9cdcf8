package io.aigw.keys.security;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What access keys and admin tokens share: a public id, a keyed hash of the secret (never the
 * secret), a redacted form, a status with an optional expiry, and a version.
 */
@MappedSuperclass
public abstract class HashedCredential {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";
    public static final String EXPIRED = "expired";

    @Id
    public String id;

    @Column(name = "public_id", nullable = false, unique = true)
    public String publicId;

    @Column(name = "secret_hash", nullable = false)
    public byte[] secretHash;

    @Column(nullable = false)
    public String redacted;

    @Column(nullable = false)
    public String name;

    /** {@link #ACTIVE} or {@link #REVOKED}; "expired" is derived from {@link #expiresAt}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Hibernate's optimistic-lock counter, 0 for a new row; see {@link #revision()}. */
    @Version
    public Long version;

    /** The version the API and the events show: 1 at creation, +1 per committed change. */
    public long revision() {
        return version + 1;
    }

    /** The status callers see: an active credential past its expiry is "expired". */
    public String effectiveStatus(Instant now) {
        if (ACTIVE.equals(status) && expiresAt != null && !expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        return status;
    }
}
