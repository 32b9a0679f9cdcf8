package io.aigw.keys.accesskey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A gateway access key. Holds a keyed hash of the secret, never the secret. */
@Entity
@Table(name = "access_key")
public class AccessKey {

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

    public String description;

    /** JSON object as text. */
    public String metadata;

    @Column(name = "configuration_id")
    public String configurationId;

    /** {@link #ACTIVE} or {@link #REVOKED}; "expired" is derived from {@link #expiresAt}. */
    @Column(nullable = false)
    public String status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Written only by the usage ledger's batched update, never by entity flushes (so no version bump). */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    public Instant lastUsedAt;

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

    /** The status callers see: an active key past its expiry is "expired". */
    public String effectiveStatus(Instant now) {
        if (ACTIVE.equals(status) && expiresAt != null && !expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        return status;
    }
}
