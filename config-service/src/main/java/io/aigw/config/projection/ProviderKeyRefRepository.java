package io.aigw.config.projection;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProviderKeyRefRepository implements PanacheRepositoryBase<ProviderKeyRef, String> {
}
