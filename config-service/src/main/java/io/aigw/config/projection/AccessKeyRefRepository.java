package io.aigw.config.projection;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class AccessKeyRefRepository implements PanacheRepositoryBase<AccessKeyRef, String> {

    /** How many existing access keys (any status) use each of {@code configurationIds}. */
    public Uni<Map<String, Long>> countByConfiguration(Collection<String> configurationIds) {
        if (configurationIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().flatMap(session -> session.createSelectionQuery(
                        "select configurationId, count(*) from AccessKeyRef where deleted = false"
                                + " and configurationId in :ids group by configurationId", Object[].class)
                .setParameter("ids", configurationIds)
                .getResultList())
                .map(AccessKeyRefRepository::toMap);
    }

    private static Map<String, Long> toMap(List<Object[]> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
