package io.aigw.keys.providerkey;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.keys.common.Metadata;
import io.aigw.kit.paging.PageRequest;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.projection.OwnerLookup;
import io.aigw.kit.projection.ReferenceGuards;
import io.aigw.kit.paging.Page;
import io.aigw.keys.common.RandomIds;
import io.aigw.keys.common.Timestamps;
import io.aigw.kit.problem.FieldError;
import io.aigw.kit.problem.ProblemException;
import io.aigw.keys.outbox.DocumentVersions;
import io.aigw.keys.outbox.OutboxTopics;
import io.aigw.kit.outbox.OutboxWriter;
import io.aigw.keys.projection.ProjectionQueries;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Provider-key vault lifecycle. Every change writes its event to the outbox in the same transaction. */
@ApplicationScoped
public class ProviderKeyService {

    public static final String ID_PREFIX = "pk_";

    private final ProviderKeyRepository repository;
    private final ProviderKeyCipher cipher;
    private final OutboxWriter outbox;
    private final DocumentVersions versions;
    private final ProjectionQueries projections;
    private final OwnerLookup owners;
    private final ReferenceGuards guards;

    public ProviderKeyService(ProviderKeyRepository repository, ProviderKeyCipher cipher, OutboxWriter outbox,
            DocumentVersions versions, ProjectionQueries projections, OwnerLookup owners, ReferenceGuards guards) {
        this.guards = guards;
        this.repository = repository;
        this.cipher = cipher;
        this.outbox = outbox;
        this.versions = versions;
        this.projections = projections;
        this.owners = owners;
    }

    /**
     * Creates a key for an existing provider. The catalog is always asked (under this transaction's guard row of the
     * provider, {@code for share}, and with {@code ?lock=share}), never only the projection: so the key and the
     * provider's delete never both win (the argument is in {@link ReferenceGuards}). 400 when the catalog has no
     * such provider, 409 while its delete runs, 503 when the catalog cannot answer.
     */
    @WithTransaction
    public Uni<ProviderKeyResponse> create(ProviderKeyCreateRequest body) {
        ProviderKeyValidator.validateCreate(body);
        return guards.share(ReferenceGuards.PROVIDER, List.of(body.providerId()))
                .chain(() -> owners.providerForReference(body.providerId())).chain(provider -> {
                    if (provider == null) {
                        throw ProblemException.validation(FieldError.at("/providerId", "Unknown provider."));
                    }
                    return insert(body);
                });
    }

    private Uni<ProviderKeyResponse> insert(ProviderKeyCreateRequest body) {
        Instant now = Timestamps.now();
        ProviderKey key = new ProviderKey();
        key.id = ID_PREFIX + RandomIds.base32(16);
        key.providerId = body.providerId();
        key.name = body.name();
        key.description = body.description();
        key.metadata = Metadata.toText(body.metadata());
        key.status = ProviderKey.ACTIVE;
        seal(key, body.value());
        key.createdAt = now;
        key.updatedAt = now;
        return repository.persist(key).call(repository::flush)
                .call(saved -> publish("created", saved, now))
                .map(ProviderKeyMapper::toResponse);
    }

    @WithSession
    public Uni<Page<ProviderKeyResponse>> list(PageRequest page, String providerId) {
        return repository.page(page, providerId).map(rows -> {
            boolean more = rows.size() > page.limit();
            List<ProviderKey> data = more ? rows.subList(0, page.limit()) : rows;
            ProviderKey last = data.isEmpty() ? null : data.get(data.size() - 1);
            return new Page<>(data.stream().map(ProviderKeyMapper::toResponse).toList(),
                    more ? PageRequest.cursorFor(last.createdAt, last.id) : null);
        });
    }

    @WithSession
    public Uni<ProviderKeyResponse> get(String id) {
        return find(id).map(ProviderKeyMapper::toResponse);
    }

    /**
     * The key for another service's write that references it: the row is read {@code for share nowait}, so while a
     * delete holds it (and asks that service for referrers) the answer is a 409, never a key about to vanish.
     */
    @WithTransaction
    public Uni<ProviderKeyResponse> getForReference(String id) {
        return guards.shareNowait("provider_key", "id = :id", id).chain(() -> find(id))
                .map(ProviderKeyMapper::toResponse);
    }

    @WithTransaction
    public Uni<ProviderKeyResponse> patch(String id, ProviderKeyPatchRequest body, long[] ifMatch) {
        ProviderKeyValidator.validatePatch(body);
        Instant now = Timestamps.now();
        return findForUpdate(id, ifMatch).chain(key -> {
            if (!apply(key, body)) {
                return Uni.createFrom().item(ProviderKeyMapper.toResponse(key));
            }
            key.updatedAt = now;
            return repository.flush().chain(() -> publish("updated", key, now))
                    .map(ignored -> ProviderKeyMapper.toResponse(key));
        });
    }

    /** Replaces the value (new data key, current master key), keeps the id, bumps the version. */
    @WithTransaction
    public Uni<ProviderKeyResponse> rotate(String id, ProviderKeyRotateRequest body, long[] ifMatch) {
        ProviderKeyValidator.validateRotate(body);
        Instant now = Timestamps.now();
        return findForUpdate(id, ifMatch).chain(key -> {
            seal(key, body.value());
            key.updatedAt = now;
            return repository.flush().chain(() -> publish("rotated", key, now))
                    .map(ignored -> ProviderKeyMapper.toResponse(key));
        });
    }

    /** Deletes the key unless a configuration's router still names it (409 still-referenced). */
    @WithTransaction
    public Uni<Void> delete(String id, long[] ifMatch) {
        Instant now = Timestamps.now();
        return findForUpdate(id, ifMatch).call(key -> projections.configurationsUsing(key.id).invoke(users -> {
            if (!users.isEmpty()) {
                throw ProblemException.stillReferenced("The provider key is used by configuration(s) "
                        + String.join(", ", users) + "; remove it from their routing rules first.");
            }
        })).call(key -> owners.configurationsUsingProviderKey(key.id).invoke(users -> {
            // config-service's own answer, taken while this row is locked: it includes writes not yet in the projection
            if (!users.isEmpty()) {
                throw ProblemException.stillReferenced("The provider key is used by configuration(s) "
                        + String.join(", ", users) + "; remove it from their routing rules first.");
            }
        })).chain(key -> {
            ProviderKeyChanged event = ProviderKeyChanged.of("deleted", key.id, key.revision() + 1, now, null);
            return repository.delete(key).call(repository::flush)
                    .chain(() -> outbox.append(OutboxTopics.PROVIDER_KEY_CHANGES, event.kafkaKey(), event.eventId(), event));
        });
    }

    @WithTransaction
    public Uni<ProviderKeyList> internalList() {
        return versions.current(DocumentVersions.PROVIDER_KEYS).chain(version -> repository.listAll(Sort.by("createdAt").and("id"))
                .map(keys -> new ProviderKeyList(version, keys.stream().map(ProviderKeyMapper::toResponse).toList())));
    }

    /** Decrypts a value for a service caller. The audit line names the key, never the value. */
    @WithSession
    public Uni<ProviderKeyValueResponse> value(String id) {
        return find(id).map(key -> {
            String value = cipher.open(key.id, key.encryptedValue, key.wrappedDataKey, key.masterKeyId);
            Log.infof("audit: value of provider key %s (provider %s, version %d) released to a service caller",
                    key.id, key.providerId, key.revision());
            return new ProviderKeyValueResponse(key.id, key.providerId, key.revision(), value);
        });
    }

    private void seal(ProviderKey key, String value) {
        ProviderKeyCipher.Sealed sealed = cipher.seal(key.id, value);
        key.encryptedValue = sealed.encryptedValue();
        key.wrappedDataKey = sealed.wrappedDataKey();
        key.masterKeyId = sealed.masterKeyId();
        key.redacted = ProviderKeyRedactor.redact(value);
    }

    private static boolean apply(ProviderKey key, ProviderKeyPatchRequest body) {
        boolean changed = false;
        if (body.name() != null && !body.name().asText().equals(key.name)) {
            key.name = body.name().asText();
            changed = true;
        }
        if (body.description() != null) {
            String value = text(body.description());
            changed |= !Objects.equals(value, key.description);
            key.description = value;
        }
        if (body.metadata() != null) {
            String value = Metadata.toText(body.metadata());
            changed |= !Objects.equals(value, key.metadata);
            key.metadata = value;
        }
        return changed;
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }

    private Uni<ProviderKey> find(String id) {
        return repository.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No provider key with this id."));
    }

    /** Writes lock the row: concurrent deletes queue behind the first and then find nothing (404). */
    private Uni<ProviderKey> findForUpdate(String id, long[] ifMatch) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No provider key with this id."))
                .invoke(found -> ETags.check(ifMatch, found.revision(), "The key"));
    }

    private Uni<Void> publish(String type, ProviderKey key, Instant now) {
        ProviderKeyChanged event = ProviderKeyChanged.of(type, key.id, key.revision(), now, ProviderKeyMapper.toResponse(key));
        return outbox.append(OutboxTopics.PROVIDER_KEY_CHANGES, event.kafkaKey(), event.eventId(), event)
                .chain(() -> versions.bump(DocumentVersions.PROVIDER_KEYS));
    }
}
