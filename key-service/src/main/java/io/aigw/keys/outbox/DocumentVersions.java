package io.aigw.keys.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Versions of internal snapshot documents that move only with their own changes (`document_version`): bumped
 * in the transaction of each change, so a version is never seen without its change, and two readers of the
 * same content see the same version.
 */
@ApplicationScoped
public class DocumentVersions {

    public static final String PROVIDER_KEYS = "provider-keys";

    /** Adds one to {@code document}'s version, in the current transaction. */
    public Uni<Void> bump(String document) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update document_version set version = version + 1 where document = ?1")
                .setParameter(1, document).executeUpdate()).replaceWithVoid();
    }

    public Uni<Long> current(String document) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select version from document_version where document = ?1", Long.class)
                .setParameter(1, document).getSingleResult());
    }
}
