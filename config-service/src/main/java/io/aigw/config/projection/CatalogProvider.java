package io.aigw.config.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Projection of a catalog provider (from {@code catalog-changes}); a deleted one stays as a tombstone. */
@Entity
@Table(name = "catalog_provider")
public class CatalogProvider {

    @Id
    public String id;

    @Column(name = "allow_pass_through")
    public boolean allowPassThrough;

    public String status;

    public long version;

    public boolean deleted;
}
