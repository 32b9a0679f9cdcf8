package io.aigw.catalog.model;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ModelRepository implements PanacheRepositoryBase<Model, String> {

    /**
     * One page ordered by address. A surface matches a model's own surfaces, or its provider's when the
     * model lists none; a modality matches input or output modalities; {@code q} searches id and display name.
     */
    public Uni<List<Model>> page(ModelFilter filter, String afterId, int fetch) {
        StringBuilder sql = new StringBuilder("select m.* from model m where m.id > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterId == null ? "" : afterId);
        if (filter.provider() != null) {
            sql.append(" and m.provider_id = :provider");
            params.put("provider", filter.provider());
        }
        if (filter.status() != null) {
            sql.append(" and m.status = :status");
            params.put("status", filter.status());
        }
        if (filter.surface() != null) {
            sql.append(" and (cast(:surface as text) = any(m.surfaces) or (cardinality(m.surfaces) = 0 and exists ("
                    + "select 1 from provider p where p.id = m.provider_id and cast(:surface as text) = any(p.surfaces))))");
            params.put("surface", filter.surface());
        }
        if (filter.modality() != null) {
            sql.append(" and (cast(:modality as text) = any(m.input_modalities)"
                    + " or cast(:modality as text) = any(m.output_modalities))");
            params.put("modality", filter.modality());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            sql.append(" and (m.id ilike :q escape '\\' or m.display_name ilike :q escape '\\')");
            params.put("q", "%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by m.id limit :fetch");
        params.put("fetch", fetch);
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString(), Model.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    public Uni<Long> countByProvider(String providerId) {
        return count("providerId", providerId);
    }

    public Uni<List<Model>> listByProvider(String providerId) {
        return list("providerId", providerId);
    }

    /** Bare names among {@code lowerNames} that belong to a model other than {@code exceptId}: name → address. */
    public Uni<Map<String, String>> bareNamesTakenByOthers(Collection<String> lowerNames, String exceptId) {
        if (lowerNames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select name_lower, model_ref from bare_name where name_lower in (:names) and model_ref <> :id",
                Object[].class)
                .setParameter("names", lowerNames)
                .setParameter("id", exceptId)
                .getResultList())
                .map(rows -> {
                    Map<String, String> taken = new HashMap<>();
                    rows.forEach(row -> taken.put((String) row[0], (String) row[1]));
                    return taken;
                });
    }
}
