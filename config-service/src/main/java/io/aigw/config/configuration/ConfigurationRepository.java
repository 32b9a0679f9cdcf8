package io.aigw.config.configuration;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ConfigurationRepository implements PanacheRepositoryBase<Configuration, String> {

    /** One page ordered by name: names containing {@code nameFilter} (any case), after {@code afterName}. */
    public Uni<List<Configuration>> page(String nameFilter, String afterName, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (nameFilter != null) {
            query.append(" and lower(name) like :pattern escape '\\'");
            parameters.and("pattern", "%" + likeEscape(nameFilter.toLowerCase()) + "%");
        }
        if (afterName != null) {
            query.append(" and name > :after");
            parameters.and("after", afterName);
        }
        query.append(" order by name");
        return find(query.toString(), parameters).range(0, limit - 1).list();
    }

    public Uni<List<Configuration>> listByName() {
        return find("order by name").list();
    }

    private static String likeEscape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
