package io.aigw.catalog.provider;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, String> {

    /** One page of providers ordered by id, starting after {@code afterId} (exclusive). */
    public Uni<List<Provider>> page(String afterId, int limit) {
        return find("id > ?1 order by id", afterId == null ? "" : afterId).range(0, limit - 1).list();
    }
}
