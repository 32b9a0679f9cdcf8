package io.aigw.config.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Projection of a catalog model (from {@code catalog-changes}), keyed by its canonical address. */
@Entity
@Table(name = "catalog_model")
public class CatalogModel {

    /** {@code provider:model}. */
    @Id
    public String id;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "model_id")
    public String modelId;

    @Column(name = "bare_id")
    public boolean bareId;

    public String status;

    public long version;

    public boolean deleted;
}
