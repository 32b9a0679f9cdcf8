package io.aigw.keys.admintoken;

import io.aigw.keys.security.HashedCredential;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An issued admin token. Holds a keyed hash of the secret, never the secret. */
@Entity
@Table(name = "admin_token")
public class AdminToken extends HashedCredential {

    /** {@code bootstrap}, or the id of the issued admin token that created this one. */
    @Column(name = "created_by")
    public String createdBy;
}
