package io.aigw.catalog.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A model of a provider, addressed as {@code <providerId>:<modelId>} (the primary key). */
@Entity
public class Model {

    @Id
    public String id;
    public String providerId;
    public String modelId;
    public String providerModelId;
    public String displayName;
    @Column(name = "bare_id")
    public boolean bareId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> aliases;
    public Integer contextLength;
    public Integer maxOutputTokens;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> inputModalities;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> outputModalities;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> surfaces;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> unsupportedParameters;
    @Column(name = "input_per_mtok")
    public BigDecimal inputPerMTok;
    @Column(name = "output_per_mtok")
    public BigDecimal outputPerMTok;
    @Column(name = "cached_input_per_mtok")
    public BigDecimal cachedInputPerMTok;
    @Column(name = "cache_write_per_mtok")
    public BigDecimal cacheWritePerMTok;
    @Column(name = "cache_write_1h_per_mtok")
    public BigDecimal cacheWrite1hPerMTok;
    @Column(name = "reasoning_per_mtok")
    public BigDecimal reasoningPerMTok;
    public BigDecimal perRequest;
    public String status;
    /** Hibernate's optimistic-lock counter, seeded at 0; the API and events count from 1 ({@link #publicVersion()}). */
    @Version
    public Long version;
    public Instant createdAt;
    public Instant updatedAt;

    public static String address(String providerId, String modelId) {
        return providerId + ":" + modelId;
    }

    /** The version shown in the API and carried by events: 1 after creation, +1 per committed change. */
    public long publicVersion() {
        return version + 1;
    }
}
