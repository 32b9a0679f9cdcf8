package io.aigw.config.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** The sequence number of the newest event ever written (0 when none): the snapshot version. */
    public Uni<Long> lastSeq() {
        return getSession().flatMap(session -> session
                .createNativeQuery("select coalesce(max(seq), 0) from outbox_event", Long.class)
                .getSingleResult());
    }
}
