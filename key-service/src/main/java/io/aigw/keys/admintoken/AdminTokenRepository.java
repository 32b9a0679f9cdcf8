package io.aigw.keys.admintoken;

import io.aigw.kit.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AdminTokenRepository implements PanacheRepositoryBase<AdminToken, String> {

    public Uni<AdminToken> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResult();
    }

    /** One page in (createdAt, id) order, fetching one extra row to know whether another page follows. */
    public Uni<List<AdminToken>> page(PageRequest page) {
        if (!page.hasCursor()) {
            return find("order by createdAt, id").page(Page.ofSize(page.limit() + 1)).list();
        }
        return find("createdAt > :at or (createdAt = :at and id > :id) order by createdAt, id",
                Parameters.with("at", page.afterCreatedAt()).and("id", page.afterId()))
                .page(Page.ofSize(page.limit() + 1)).list();
    }
}
