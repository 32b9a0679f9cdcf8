package io.aigw.keys.providerkey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A provider secret in the vault: the value only as AES-256-GCM ciphertext under a wrapped data key. */
@Entity
@Table(name = "provider_key")
public class ProviderKey {

    public static final String ACTIVE = "active";

    @Id
    public String id;

    @Column(name = "provider_id", nullable = false)
    public String providerId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** JSON object as text. */
    public String metadata;

    @Column(nullable = false)
    public String redacted;

    @Column(nullable = false)
    public String status;

    /** IV (12 bytes) followed by the GCM ciphertext and tag of the value, under the data key. */
    @Column(name = "encrypted_value", nullable = false)
    public byte[] encryptedValue;

    /** IV followed by the GCM ciphertext and tag of the data key, under master key {@link #masterKeyId}. */
    @Column(name = "wrapped_data_key", nullable = false)
    public byte[] wrappedDataKey;

    @Column(name = "master_key_id", nullable = false)
    public String masterKeyId;

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

    @Override
    public String toString() {
        return "ProviderKey[" + id + ", provider=" + providerId + ", ciphertext=[REDACTED]]";
    }
}
