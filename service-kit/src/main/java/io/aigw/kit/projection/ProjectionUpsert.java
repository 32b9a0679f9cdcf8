package io.aigw.kit.projection;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/**
 * The version-guarded upserts of every projection, run in the caller's transaction (a handler's
 * {@code @WithTransaction} method). {@code sql} is an {@code insert … on conflict (id) do update … }
 * {@link ProjectionHandler#VERSION_GUARD} statement binding {@code :id}, {@code :version}, {@code :deleted} and
 * {@code :created} from the event, and the named {@code values} (null values allowed).
 */
public final class ProjectionUpsert {

    private ProjectionUpsert() {
    }

    /** Named values for {@link #apply}: name, value, name, value…; a value may be null (SQL NULL). */
    public static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Runs the upsert; true when it applied, false for a stale event (version not newer; logged at debug). */
    public static Uni<Boolean> apply(String sql, ChangeEvent event, Map<String, ?> values) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql)
                    .setParameter("id", event.id())
                    .setParameter("version", event.version())
                    .setParameter("deleted", event.isDeleted())
                    .setParameter("created", event.isCreated());
            values.forEach(query::setParameter);
            return query.executeUpdate();
        }).map(rows -> {
            if (rows == 0) {
                Log.debugf("Dropped stale %s %s v%d", event.kind(), event.id(), event.version());
            }
            return rows > 0;
        });
    }

    /**
     * Runs the upsert of an aggregate that owns child rows (a configuration's references), and when it applied
     * replaces the children whole: {@code deleteChildren} (binds {@code :id}), then, unless {@code children} is empty,
     * {@code insertChildren} (binds {@code :id} and each named array of {@code arrays}; {@code children} is the
     * count). A stale event changes nothing.
     */
    public static Uni<Boolean> applyReplacingChildren(String sql, ChangeEvent event, Map<String, ?> values,
            String deleteChildren, String insertChildren, int children, Map<String, Object[]> arrays) {
        return apply(sql, event, values).chain(applied -> !applied ? Uni.createFrom().item(false)
                : Panache.getSession().chain(session -> session.createNativeQuery(deleteChildren)
                        .setParameter("id", event.id()).executeUpdate()
                        .chain(() -> {
                            if (children == 0) {
                                return Uni.createFrom().item(0);
                            }
                            var insert = session.createNativeQuery(insertChildren).setParameter("id", event.id());
                            arrays.forEach(insert::setParameter);
                            return insert.executeUpdate();
                        })).replaceWith(true));
    }
}
