package io.aigw.kit.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Guard rows ({@code reference_guard}) that serialize, in PostgreSQL, every write that adds a reference to another
 * service's aggregate against that owner's delete: writers hold the row {@code for share} until they commit, the
 * referrers query takes it {@code for update}. Call inside the caller's transaction; ids are locked in sorted order.
 * The service needs the {@code reference_guard (kind, id)} table.
 */
@ApplicationScoped
public class ReferenceGuards {

    public static final String PROVIDER_KEY = "provider-key";
    public static final String CONFIGURATION = "configuration";

    /** Holds the guards of {@code ids} for share (many writers at once, never during a referrers query). */
    public Uni<Void> share(String kind, Collection<String> ids) {
        return lock(kind, ids, "for share");
    }

    /** Holds the guard of {@code id} exclusively: waits for every writer that references it to commit. */
    public Uni<Void> exclusive(String kind, String id) {
        return lock(kind, List.of(id), "for update");
    }

    private static Uni<Void> lock(String kind, Collection<String> ids, String mode) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] sorted = new TreeSet<>(ids).toArray(new String[0]);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into reference_guard (kind, id) select :kind, unnest(cast(:ids as varchar[]))"
                                + " on conflict do nothing")
                .setParameter("kind", kind).setParameter("ids", sorted).executeUpdate()
                .chain(() -> session.createNativeQuery("select id from reference_guard where kind = :kind"
                                + " and id = any(cast(:ids as varchar[])) order by id " + mode, String.class)
                        .setParameter("kind", kind).setParameter("ids", sorted).getResultList()))
                .replaceWithVoid();
    }
}
