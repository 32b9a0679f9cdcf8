package io.aigw.catalog.virtualmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An operator-defined name standing for an ordered list of target models. */
@Entity
public class VirtualModel {

    @Id
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> targets;
    /** Hibernate's optimistic-lock counter, seeded at 0; the API and events count from 1. */
    @Version
    public Long version;
    public Instant createdAt;
    public Instant updatedAt;

    public long publicVersion() {
        return version + 1;
    }
}
