package io.aigw.keys.admintoken;

import io.aigw.keys.security.HashedCredential;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An issued admin token. Holds a keyed hash of the secret, never the secret. */
@Entity
@Table(name = "admin_token")
public class AdminToken extends HashedCredential {
}
