package io.aigw.kit.projection;

import io.aigw.kit.paging.Page;
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
 *
 * <p>The protocol, the same for every cross-service pair (owner O deletes X, referrer R writes a row naming X):
 * <ol>
 * <li>R's write, in one transaction: {@link #share} the guard of X, then ask O for X <em>with</em> {@code ?lock=share}
 * ({@link OwnerLookup}), then insert its row and commit. O answers the look-up by reading X's row
 * {@code for share nowait}: 404 if X is gone (R answers "unknown", 400), 409 if a write (a delete) holds the row, 200
 * otherwise.</li>
 * <li>O's delete, in one transaction: lock X's row {@code for update}, check its own projections, then ask R's
 * referrers endpoint, which takes X's guard {@link #exclusive} (so it waits until every R-write holding it for share
 * has committed or rolled back) and then lists R's rows naming X. Any → 409 still-referenced (rollback); none →
 * delete and commit.</li>
 * </ol>
 * Why at most one wins. Say both commit. R took the guard before asking O, and O's referrers query took the same
 * guard exclusively, so one came first. (a) The referrers query came first: it released the guard when its own
 * transaction ended, before R's share; so R asked O after the referrers query, while O's delete still held X's row
 * {@code for update} (held from before that query until O commits) or after O committed (X gone): the look-up
 * answered 409 or 404 and R did not commit. (b) R's share came first: the referrers query waited for R's commit and
 * then saw R's row, so O answered 409. Contradiction either way. No state is left behind: the guard and row locks
 * are PostgreSQL locks, released by the commit or rollback of their transaction (also when a service dies: its
 * connection closes), and O never waits on R while R waits on O ({@code nowait}), so no cross-service deadlock.
 */
@ApplicationScoped
public class ReferenceGuards {

    public static final String PROVIDER_KEY = "provider-key";
    public static final String CONFIGURATION = "configuration";
    /** A catalog provider (model-catalog-service) named by provider keys (key-service) and configurations. */
    public static final String PROVIDER = "provider";
    /**
     * A catalog model's {@code provider:model} address named by configurations (config-service): every exact address
     * a configuration names, whether or not the catalog lists it (a pass-through provider's model may be created a
     * moment later, or be deleted in the same instant).
     */
    public static final String MODEL = "model";
    /** A catalog virtual model (lower-cased name) named by configurations' access scopes (config-service). */
    public static final String VIRTUAL_MODEL = "virtual-model";

    /** Holds the guards of {@code ids} for share (many writers at once, never during a referrers query). */
    public Uni<Void> share(String kind, Collection<String> ids) {
        return lock(kind, ids, "for share");
    }

    /** Holds the guard of {@code id} exclusively: waits for every writer that references it to commit. */
    public Uni<Void> exclusive(String kind, String id) {
        return lock(kind, List.of(id), "for update");
    }

    /**
     * The referrers of {@code guardId}, for its owner's delete: holds the guard exclusively (so every write that holds
     * it for share has ended), then runs {@code sql} (selecting ids; parameter {@code :id} = {@code id}) in the
     * caller's transaction.
     */
    public Uni<Page<String>> referrers(String kind, String guardId, String sql, String id) {
        return exclusive(kind, guardId).chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery(sql, String.class).setParameter("id", id).getResultList())
                .map(ids -> new Page<>(List.copyOf(ids), null));
    }

    /**
     * The owner's side of a referencing look-up ({@code ?lock=share}): reads the rows of {@code table} matching
     * {@code where} (parameter {@code :id}) {@code for share nowait} in the caller's transaction, so while a write
     * (a delete asking for referrers) holds one the look-up fails at once with 55P03, which the problem mapper answers
     * 409. Call before reading the aggregate for the answer.
     */
    public Uni<Void> shareNowait(String table, String where, String id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select 1 from " + table + " where " + where + " for share nowait", Integer.class)
                .setParameter("id", id).getResultList()).replaceWithVoid();
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
