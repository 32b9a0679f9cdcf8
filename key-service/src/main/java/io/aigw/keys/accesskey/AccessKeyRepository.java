package io.aigw.keys.accesskey;

import io.aigw.kit.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AccessKeyRepository implements PanacheRepositoryBase<AccessKey, String> {

    public Uni<AccessKey> findByPublicId(String publicId) {
        return find("publicId", publicId).firstResult();
    }

    /** One page in (createdAt, id) order, fetching one extra row to know whether another page follows. */
    public Uni<List<AccessKey>> page(PageRequest page, String configurationId, String status, Instant now) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (page.hasCursor()) {
            where.add("(createdAt > :afterCreatedAt or (createdAt = :afterCreatedAt and id > :afterId))");
            params.put("afterCreatedAt", page.afterCreatedAt());
            params.put("afterId", page.afterId());
        }
        if (configurationId != null) {
            where.add("configurationId = :configurationId");
            params.put("configurationId", configurationId);
        }
        if (status != null) {
            switch (status) {
                case AccessKey.REVOKED -> where.add("status = 'revoked'");
                case AccessKey.EXPIRED -> where.add("status = 'active' and expiresAt <= :now");
                default -> where.add("status = 'active' and (expiresAt is null or expiresAt > :now)");
            }
            if (!AccessKey.REVOKED.equals(status)) {
                params.put("now", now);
            }
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by createdAt, id";
        return find(query, params).page(Page.ofSize(page.limit() + 1)).list();
    }
}
