package io.aigw.config.projection;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CatalogVirtualModelRepository implements PanacheRepositoryBase<CatalogVirtualModel, String> {
}
