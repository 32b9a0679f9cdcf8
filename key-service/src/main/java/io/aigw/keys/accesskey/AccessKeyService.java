package io.aigw.keys.accesskey;

import io.aigw.keys.common.Metadata;
import io.aigw.kit.paging.PageRequest;
import io.aigw.kit.projection.OwnerLookup;
import io.aigw.kit.projection.ReferenceGuards;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.aigw.keys.common.Timestamps;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.aigw.keys.outbox.OutboxTopics;
import io.aigw.kit.outbox.OutboxWriter;
import io.aigw.keys.security.IssuedToken;
import io.aigw.keys.security.SecretHasher;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Access-key lifecycle. Every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
public class AccessKeyService {

    public static final String ID_PREFIX = "ak_";

    private final AccessKeyRepository repository;
    private final OutboxWriter outbox;
    private final SecretHasher hasher;
    private final OwnerLookup owners;
    private final ReferenceGuards guards;

    public AccessKeyService(AccessKeyRepository repository, OutboxWriter outbox, SecretHasher hasher,
            OwnerLookup owners, ReferenceGuards guards) {
        this.repository = repository;
        this.outbox = outbox;
        this.hasher = hasher;
        this.owners = owners;
        this.guards = guards;
    }

    @WithTransaction
    public Uni<AccessKeyCreatedResponse> create(AccessKeyCreateRequest body) {
        Instant now = Timestamps.now();
        AccessKeyValidator.validateCreate(body, now);
        return requireConfiguration(body.configurationId()).chain(() -> insert(body, now));
    }

    private Uni<AccessKeyCreatedResponse> insert(AccessKeyCreateRequest body, Instant now) {
        IssuedToken token = IssuedToken.generate("ag");
        AccessKey key = new AccessKey();
        key.id = ID_PREFIX + token.publicId();
        key.publicId = token.publicId();
        key.secretHash = hasher.hash(token.secret());
        key.redacted = token.redacted();
        key.name = body.name();
        key.description = body.description();
        key.metadata = Metadata.toText(body.metadata());
        key.configurationId = body.configurationId();
        key.status = AccessKey.ACTIVE;
        key.expiresAt = body.expiresAt() == null ? null : body.expiresAt().truncatedTo(ChronoUnit.MICROS);
        key.createdAt = now;
        key.updatedAt = now;
        return repository.persist(key).call(repository::flush)
                .call(saved -> publish("created", saved, now))
                .map(saved -> new AccessKeyCreatedResponse(AccessKeyMapper.toResponse(saved, now), token.value()));
    }

    @WithSession
    public Uni<Page<AccessKeyResponse>> list(PageRequest page, String configurationId, String status) {
        Instant now = Timestamps.now();
        return repository.page(page, configurationId, status, now).map(rows -> {
            boolean more = rows.size() > page.limit();
            List<AccessKey> data = more ? rows.subList(0, page.limit()) : rows;
            AccessKey last = data.isEmpty() ? null : data.get(data.size() - 1);
            return new Page<>(data.stream().map(k -> AccessKeyMapper.toResponse(k, now)).toList(),
                    more ? PageRequest.cursorFor(last.createdAt, last.id) : null);
        });
    }

    @WithSession
    public Uni<AccessKeyResponse> get(String id) {
        return find(id).map(key -> AccessKeyMapper.toResponse(key, Timestamps.now()));
    }

    @WithTransaction
    public Uni<AccessKeyResponse> patch(String id, AccessKeyPatchRequest body, long[] ifMatch) {
        Instant now = Timestamps.now();
        Instant expiresAt = AccessKeyValidator.validatePatch(body, now);
        String configurationId = AccessKeyValidator.present(body.configurationId()) ? body.configurationId().asText() : null;
        return requireConfiguration(configurationId).chain(() -> findForUpdate(id, ifMatch)).chain(key -> {
            if (!AccessKeyPatch.apply(key, body, expiresAt)) {
                return Uni.createFrom().item(AccessKeyMapper.toResponse(key, now));
            }
            key.updatedAt = now;
            return repository.flush().chain(() -> publish("updated", key, now))
                    .map(ignored -> AccessKeyMapper.toResponse(key, now));
        });
    }

    /** Revokes the key (idempotent: revoking a revoked key changes nothing and publishes nothing). */
    @WithTransaction
    public Uni<AccessKeyResponse> revoke(String id, long[] ifMatch) {
        Instant now = Timestamps.now();
        return findForUpdate(id, ifMatch).chain(key -> {
            if (AccessKey.REVOKED.equals(key.status)) {
                return Uni.createFrom().item(AccessKeyMapper.toResponse(key, now));
            }
            key.status = AccessKey.REVOKED;
            key.updatedAt = now;
            return repository.flush().chain(() -> publish("revoked", key, now))
                    .map(ignored -> AccessKeyMapper.toResponse(key, now));
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id, long[] ifMatch) {
        Instant now = Timestamps.now();
        return findForUpdate(id, ifMatch).chain(key -> {
            AccessKeyChanged event = AccessKeyChanged.of("deleted", key.id, key.revision() + 1, now, null);
            return repository.delete(key).call(repository::flush)
                    .chain(() -> outbox.append(OutboxTopics.ACCESS_KEY_CHANGES, event.kafkaKey(), event.eventId(), event));
        });
    }

    @WithSession
    public Uni<AccessKeyRecord> resolve(String publicId) {
        return repository.findByPublicId(publicId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No access key with this public id."))
                .map(key -> AccessKeyMapper.toRecord(key, Timestamps.now()));
    }

    /**
     * A configurationId must name an existing configuration: config-service is asked (under this transaction's guard
     * row, {@code for share}), so a binding and the configuration's delete never both win.
     */
    private Uni<Void> requireConfiguration(String configurationId) {
        if (configurationId == null) {
            return Uni.createFrom().voidItem();
        }
        return guards.share(ReferenceGuards.CONFIGURATION, List.of(configurationId))
                .chain(() -> owners.configurationForReference(configurationId)).invoke(found -> {
                    if (found == null) {
                        throw ProblemException.validation(FieldError.at("/configurationId", "Unknown configuration."));
                    }
                }).replaceWithVoid();
    }

    private Uni<AccessKey> find(String id) {
        return repository.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No access key with this id."));
    }

    /** Writes lock the row: concurrent deletes queue behind the first and then find nothing (404). */
    private Uni<AccessKey> findForUpdate(String id, long[] ifMatch) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No access key with this id."))
                .invoke(found -> ETags.check(ifMatch, found.revision(), "The key"));
    }

    private Uni<Void> publish(String type, AccessKey key, Instant now) {
        AccessKeyChanged event = AccessKeyChanged.of(type, key.id, key.revision(), now, AccessKeyMapper.toResponse(key, now));
        return outbox.append(OutboxTopics.ACCESS_KEY_CHANGES, event.kafkaKey(), event.eventId(), event);
    }
}
