package io.aigw.catalog.model;

import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Which bare ids (model ids with {@code bareId} and their aliases) resolve to which model. */
@ApplicationScoped
public class BareIdService {

    private static final String PAGE = "select b.name_lower, b.name, b.is_alias, m.provider_id, m.model_id "
            + "from bare_name b join model m on m.id = b.model_ref where b.name_lower > :after "
            + "and b.name_lower like :q escape '\\' order by b.name_lower limit :fetch";

    @WithSession
    public Uni<Page<BareIdResponse>> list(String q, String cursor, String limit) {
        int size = Paging.limit(limit);
        String after = Paging.decode(cursor);
        String pattern = q == null ? "%" : "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        return Panache.getSession().chain(s -> s.createNativeQuery(PAGE, Object[].class)
                .setParameter("after", after == null ? "" : after)
                .setParameter("q", pattern)
                .setParameter("fetch", size + 1)
                .getResultList())
                .map(rows -> Paging.page(rows, size, row -> (String) row[0], BareIdService::toResponse));
    }

    private static BareIdResponse toResponse(Object[] row) {
        String providerId = (String) row[3];
        String modelId = (String) row[4];
        return new BareIdResponse((String) row[1], (Boolean) row[2], providerId, modelId,
                Model.address(providerId, modelId));
    }

}
