package io.aigw.keys.providerkey;

import io.aigw.kit.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ProviderKeyRepository implements PanacheRepositoryBase<ProviderKey, String> {

    /** One page in (createdAt, id) order, fetching one extra row to know whether another page follows. */
    public Uni<List<ProviderKey>> page(PageRequest page, String providerId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (page.hasCursor()) {
            where.add("(createdAt > :afterCreatedAt or (createdAt = :afterCreatedAt and id > :afterId))");
            params.put("afterCreatedAt", page.afterCreatedAt());
            params.put("afterId", page.afterId());
        }
        if (providerId != null) {
            where.add("providerId = :providerId");
            params.put("providerId", providerId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by createdAt, id";
        return find(query, params).page(Page.ofSize(page.limit() + 1)).list();
    }

    /** Rows whose data key is wrapped by one of {@code fromKeys}, a batch at a time. */
    public Uni<List<ProviderKey>> wrappedBy(Collection<String> fromKeys, int batch) {
        return find("masterKeyId in :keys order by id", Parameters.with("keys", fromKeys))
                .page(Page.ofSize(batch)).list();
    }

    /** Replaces the wrapped data key without touching the version: the key's visible state is unchanged. */
    public Uni<Integer> replaceWrapping(String id, String fromKeyId, byte[] wrapped, String toKeyId) {
        return update("wrappedDataKey = :wrapped, masterKeyId = :to where id = :id and masterKeyId = :from",
                Parameters.with("wrapped", wrapped).and("to", toKeyId).and("id", id).and("from", fromKeyId));
    }
}
