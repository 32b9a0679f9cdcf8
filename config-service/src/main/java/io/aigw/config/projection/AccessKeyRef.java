package io.aigw.config.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Projection of an access key (from {@code access-key-changes}): which configuration it uses. */
@Entity
@Table(name = "access_key")
public class AccessKeyRef {

    @Id
    public String id;

    @Column(name = "configuration_id")
    public String configurationId;

    public String status;

    public long version;

    public boolean deleted;
}
