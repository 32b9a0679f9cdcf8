package io.aigw.keys.admintoken;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An issued admin token. Holds a keyed hash of the secret, never the secret. */
@Entity
@Table(name = "admin_token")
public class AdminToken {

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

    @Version
    public Long version;

    public long revision() {
        return version + 1;
    }

    public String effectiveStatus(Instant now) {
        if (ACTIVE.equals(status) && expiresAt != null && !expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        return status;
    }
}
