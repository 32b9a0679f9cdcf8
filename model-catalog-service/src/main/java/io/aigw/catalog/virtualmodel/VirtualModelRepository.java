package io.aigw.catalog.virtualmodel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class VirtualModelRepository implements PanacheRepositoryBase<VirtualModel, String> {

    /** One page ordered by name, starting after {@code afterName} (exclusive). */
    public Uni<List<VirtualModel>> page(String afterName, int limit) {
        return find("name > ?1 order by name", afterName == null ? "" : afterName).range(0, limit - 1).list();
    }

    /** The virtual model with this name in any case, or null. */
    public Uni<VirtualModel> findByName(String name, LockModeType lock) {
        return find("lower(name) = lower(?1)", name).withLock(lock).firstResult();
    }

    /** Names of virtual models among {@code lowerNames} (lower-cased), as stored. */
    public Uni<List<String>> namesAmong(Collection<String> lowerNames) {
        if (lowerNames.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select name from virtual_model where lower(name) in (:names) order by name", String.class)
                .setParameter("names", lowerNames).getResultList());
    }
}
