package io.aigw.config.configuration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A stored configuration: the {@link ConfigurationSpec} as JSONB, plus the columns queried on. */
@Entity
@Table(name = "configuration")
public class Configuration {

    @Id
    public String id;

    public String name;

    /** The {@link ConfigurationSpec} as JSON. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(document as text)", write = "cast(cast(? as text) as jsonb)")
    public String document;

    /**
     * Starts at 1 and grows by one per committed change (contracts.md). Managed by
     * {@link ConfigurationService} under a row lock rather than {@code @Version}, whose seed is 0.
     */
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
