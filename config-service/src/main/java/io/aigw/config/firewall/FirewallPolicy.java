package io.aigw.config.firewall;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A stored firewall policy: the {@link FirewallPolicySpec} as JSONB, plus the columns queried on. */
@Entity
@Table(name = "firewall_policy")
public class FirewallPolicy {

    @Id
    public String id;

    public String name;

    /** The {@link FirewallPolicySpec} as JSON. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(document as text)", write = "cast(cast(? as text) as jsonb)")
    public String document;

    /** Starts at 1 and grows by one per committed change, under a row lock (like configurations). */
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
