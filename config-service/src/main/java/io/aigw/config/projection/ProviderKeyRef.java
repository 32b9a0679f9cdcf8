package io.aigw.config.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Projection of a provider key (from {@code provider-key-changes}): which provider it belongs to. */
@Entity
@Table(name = "provider_key")
public class ProviderKeyRef {

    @Id
    public String id;

    @Column(name = "provider_id")
    public String providerId;

    public String status;

    public long version;

    public boolean deleted;
}
