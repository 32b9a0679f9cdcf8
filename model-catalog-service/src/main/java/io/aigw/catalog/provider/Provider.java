package io.aigw.catalog.provider;

import io.aigw.catalog.model.Pricing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An upstream provider: where requests go and how they authenticate. */
@Entity
public class Provider {

    @Id
    public String id;
    public String displayName;
    public String baseUrl;
    public String authScheme;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> extraHeaders;
    public boolean builtIn;
    public boolean keyRequired;
    public boolean allowPassThroughModels;
    public String website;
    public String status;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> surfaces;
    /** The price of pass-through models (and of catalog models without pricing); null = none set. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Pricing defaultPricing;
    /** Hibernate's optimistic-lock counter, seeded at 0; the API and events count from 1 ({@link #publicVersion()}). */
    @Version
    public Long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** The version shown in the API and carried by events: 1 after creation, +1 per committed change. */
    public long publicVersion() {
        return version + 1;
    }
}
