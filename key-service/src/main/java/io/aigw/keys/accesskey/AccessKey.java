package io.aigw.keys.accesskey;

import io.aigw.keys.security.HashedCredential;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A gateway access key. Holds a keyed hash of the secret, never the secret. */
@Entity
@Table(name = "access_key")
public class AccessKey extends HashedCredential {

    public String description;

    /** JSON object as text. */
    public String metadata;

    @Column(name = "configuration_id")
    public String configurationId;

    /** Written only by the usage ledger's batched update, never by entity flushes (so no version bump). */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    public Instant lastUsedAt;
}
