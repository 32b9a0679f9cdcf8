package io.aigw.keys.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** The highest outbox position written so far (0 before the first change): the snapshots' version. */
    public Uni<Long> lastSeq() {
        return getSession().chain(session -> session
                .createSelectionQuery("select coalesce(max(o.seq), 0) from OutboxEvent o", Long.class)
                .getSingleResult());
    }
}
