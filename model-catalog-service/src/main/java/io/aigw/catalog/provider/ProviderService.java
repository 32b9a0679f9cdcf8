package io.aigw.catalog.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.json.JsonMerge;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.aigw.kit.problem.ProblemException;
import io.aigw.catalog.model.ModelRepository;
import io.aigw.catalog.outbox.CatalogEvents;
import io.aigw.catalog.projection.ReferenceQueries;
import io.aigw.catalog.virtualmodel.VirtualModelRepository;
import io.aigw.kit.projection.OwnerLookup;
import io.aigw.kit.projection.ReferenceGuards;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Provider CRUD; every change writes its {@code catalog-changes} event in the same transaction. */
@ApplicationScoped
public class ProviderService {

    /** What an operator may change on a built-in provider (everything else comes from the seed). */
    static final Set<String> BUILT_IN_PATCHABLE = Set.of("baseUrl", "extraHeaders", "status");

    private final ProviderRepository providers;
    private final ModelRepository models;
    private final ProviderValidator validator;
    private final CatalogEvents outbox;
    private final ReferenceQueries references;
    private final ObjectMapper mapper;
    private final VirtualModelRepository virtualModels;
    private final OwnerLookup owners;
    private final ReferenceGuards guards;

    public ProviderService(ProviderRepository providers, ModelRepository models, ProviderValidator validator,
            CatalogEvents outbox, ReferenceQueries references, ObjectMapper mapper, VirtualModelRepository virtualModels,
            OwnerLookup owners, ReferenceGuards guards) {
        this.owners = owners;
        this.guards = guards;
        this.virtualModels = virtualModels;
        this.providers = providers;
        this.models = models;
        this.validator = validator;
        this.outbox = outbox;
        this.references = references;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<Page<ProviderResponse>> list(String cursor, String limit) {
        int size = Paging.limit(limit);
        return providers.page(Paging.decode(cursor), size + 1)
                .map(rows -> Paging.page(rows, size, p -> p.id, ProviderResponse::of));
    }

    @WithSession
    public Uni<ProviderResponse> get(String id) {
        return find(id).map(ProviderResponse::of);
    }

    /**
     * The provider for another service's write that references it (a provider key): the row is read
     * {@code for share nowait}, so while a delete holds it (and asks key-service for the provider's keys) the answer
     * is a 409, never a provider about to vanish ({@code ReferenceGuards} in the kit has the argument).
     */
    @WithTransaction
    public Uni<ProviderResponse> getForReference(String id) {
        return guards.shareNowait("provider", "id = :id", id).chain(() -> find(id)).map(ProviderResponse::of);
    }

    @WithTransaction
    public Uni<ProviderResponse> create(ProviderRequest request) {
        if (request == null) {
            throw ProblemException.validation("", "a JSON object is required");
        }
        ProviderRequest r = validator.normalise(request);
        return providers.findById(r.id()).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflictAt("/id", existing.builtIn
                        ? "id " + r.id() + " is a built-in provider"
                        : "provider " + r.id() + " already exists");
            }
            return virtualModels.namesAmong(List.of(r.id()));
        }).chain(virtual -> {
            if (!virtual.isEmpty()) {
                throw ProblemException.conflictAt("/id", "id " + r.id() + " is the name of virtual model " + virtual.get(0));
            }
            Provider p = new Provider();
            p.id = r.id();
            p.builtIn = false;
            apply(r, p);
            p.createdAt = p.updatedAt = Instant.now();
            return providers.persistAndFlush(p);
        }).chain(p -> event("created", p));
    }

    /** Merge-patches provider {@code id}; {@code ifMatch} = accepted versions (null = any). */
    @WithTransaction
    public Uni<ProviderResponse> patch(String id, JsonNode patch, long[] ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.validation("", "a JSON object is required");
        }
        return find(id, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            ETags.check(ifMatch, p.publicVersion(), "provider " + id);
            checkPatchable(p, patch);
            ObjectNode merged = JsonMerge.apply(mapper.valueToTree(ProviderResponse.asRequest(p)), patch);
            ProviderRequest r;
            try {
                r = validator.normalise(mapper.treeToValue(merged, ProviderRequest.class));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
            if (r.equals(ProviderResponse.asRequest(p))) {
                return Uni.createFrom().item(ProviderResponse.of(p));
            }
            apply(r, p);
            p.updatedAt = Instant.now();
            return providers.flush().chain(() -> event("updated", p));
        });
    }

    /**
     * Deletes custom provider {@code id}: refused (409 {@code still-referenced}) while a model, a provider key or
     * a configuration (as far as the projections know) names it, or key-service or config-service (asked while this
     * transaction holds the row {@code for update}) names a key or a configuration of it: a reference written a moment
     * ago and the delete never both win.
     */
    @WithTransaction
    public Uni<Void> delete(String id, long[] ifMatch) {
        return find(id, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            ETags.check(ifMatch, p.publicVersion(), "provider " + id);
            if (p.builtIn) {
                throw ProblemException.conflictAt(null, "built-in provider " + id + " cannot be deleted; "
                        + "PATCH its status to disabled instead");
            }
            return models.countByProvider(id).chain(count -> {
                if (count > 0) {
                    throw ProblemException.stillReferenced("provider " + id + " is referenced by " + count + " model(s)");
                }
                return references.referrersOfProvider(id);
            }).chain(referrers -> {
                if (!referrers.isEmpty()) {
                    throw ProblemException.stillReferenced("provider " + id + " is referenced by "
                            + String.join(" and ", referrers));
                }
                return owners.providerKeysUsingProvider(id);
            }).chain(keys -> {
                // key-service's own answer, taken while this row is locked: it includes keys not yet in the projection
                if (!keys.isEmpty()) {
                    throw ProblemException.stillReferenced("provider " + id + " is referenced by provider key(s) "
                            + String.join(", ", keys.subList(0, Math.min(keys.size(), 5)))
                            + (keys.size() > 5 ? ", …" : ""));
                }
                return owners.configurationsUsingProvider(id);
            }).chain(configurations -> {
                // config-service's own answer, likewise: a configuration written a moment ago keeps the provider
                if (!configurations.isEmpty()) {
                    throw ProblemException.stillReferenced("provider " + id + " is referenced by configuration(s) "
                            + String.join(", ", configurations.subList(0, Math.min(configurations.size(), 5)))
                            + (configurations.size() > 5 ? ", …" : ""));
                }
                return providers.delete(p).call(providers::flush)
                        .call(() -> outbox.write("provider", "deleted", id, p.publicVersion() + 1, null));
            });
        });
    }

    private static void checkPatchable(Provider p, JsonNode patch) {
        for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("id")) {
                throw ProblemException.validation("/id", "id cannot change");
            }
            if (p.builtIn && !BUILT_IN_PATCHABLE.contains(name)) {
                throw ProblemException.validation("/" + name, "only " + BUILT_IN_PATCHABLE
                        + " can change on a built-in provider");
            }
        }
    }

    private Uni<Provider> find(String id) {
        return find(id, LockModeType.NONE);
    }

    /**
     * Writes lock the provider row ({@code for update}): concurrent deletes queue behind the first and then find
     * nothing (404), and a model create (which holds the row {@code for share}) and a delete never both win.
     */
    private Uni<Provider> find(String id, LockModeType lock) {
        return providers.findById(id, lock).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("provider " + id + " does not exist");
            }
            return p;
        });
    }

    private Uni<ProviderResponse> event(String type, Provider p) {
        ProviderResponse response = ProviderResponse.of(p);
        return outbox.write("provider", type, p.id, response.version(), response).replaceWith(response);
    }

    private static void apply(ProviderRequest r, Provider p) {
        p.displayName = r.displayName();
        p.baseUrl = r.baseUrl();
        p.authScheme = r.authScheme();
        p.extraHeaders = r.extraHeaders();
        p.keyRequired = r.keyRequired();
        p.allowPassThroughModels = r.allowPassThroughModels();
        p.website = r.website();
        p.status = r.status();
        p.surfaces = r.surfaces();
        p.defaultPricing = r.defaultPricing();
    }
}
