package io.aigw.config.projection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Projection of a catalog virtual model (from {@code catalog-changes}): its name, as the catalog spells it. */
@Entity
@Table(name = "catalog_virtual_model")
public class CatalogVirtualModel {

    @Id
    public String id;

    public long version;

    public boolean deleted;
}
