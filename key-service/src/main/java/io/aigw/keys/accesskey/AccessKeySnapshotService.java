package io.aigw.keys.accesskey;

import io.aigw.keys.common.Timestamps;
import io.aigw.kit.outbox.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Builds the cold-start snapshot. The version (highest outbox seq) is read before the rows, so the
 * rows are at least as new as the version says; replaying later events is harmless.
 */
@ApplicationScoped
public class AccessKeySnapshotService {

    private final AccessKeyRepository repository;
    private final OutboxWriter outbox;

    public AccessKeySnapshotService(AccessKeyRepository repository, OutboxWriter outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<AccessKeySnapshot> snapshot() {
        Instant now = Timestamps.now();
        return outbox.lastSeq()
                .chain(version -> repository.listAll(Sort.by("createdAt").and("id")).map(keys -> new AccessKeySnapshot(
                        version, now, keys.stream().map(k -> AccessKeyMapper.toRecord(k, now)).toList())));
    }
}
