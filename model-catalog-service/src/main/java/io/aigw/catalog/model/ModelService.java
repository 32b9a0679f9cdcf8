package io.aigw.catalog.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.json.JsonMerge;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.problem.FieldError;
import io.aigw.catalog.outbox.CatalogEvents;
import io.aigw.catalog.projection.ReferenceQueries;
import io.aigw.catalog.provider.Provider;
import io.aigw.catalog.provider.ProviderRepository;
import io.aigw.catalog.virtualmodel.VirtualModelRepository;
import io.aigw.kit.projection.OwnerLookup;
import io.aigw.kit.projection.ReferenceGuards;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Model CRUD; every change writes its {@code catalog-changes} event in the same transaction. */
@ApplicationScoped
public class ModelService {

    private final ModelRepository models;
    private final ProviderRepository providers;
    private final CatalogEvents outbox;
    private final ReferenceQueries references;
    private final ObjectMapper mapper;
    private final VirtualModelRepository virtualModels;
    private final OwnerLookup owners;
    private final ReferenceGuards guards;

    public ModelService(ModelRepository models, ProviderRepository providers, CatalogEvents outbox,
            ReferenceQueries references, ObjectMapper mapper, VirtualModelRepository virtualModels, OwnerLookup owners,
            ReferenceGuards guards) {
        this.virtualModels = virtualModels;
        this.owners = owners;
        this.guards = guards;
        this.models = models;
        this.providers = providers;
        this.outbox = outbox;
        this.references = references;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<Page<ModelResponse>> list(ModelFilter filter, String cursor, String limit) {
        int size = Paging.limit(limit);
        return models.page(filter, Paging.decode(cursor), size + 1)
                .map(rows -> Paging.page(rows, size, m -> m.id, ModelResponse::of));
    }

    @WithSession
    public Uni<ModelResponse> get(String providerId, String modelId) {
        return find(providerId, modelId).map(ModelResponse::of);
    }

    /**
     * The model for a configuration write that names it: its row is read {@code for share nowait}, so while a delete
     * holds it (and asks config-service for referrers) the answer is a 409, never a model about to vanish (the kit's
     * {@code ReferenceGuards} has the argument).
     */
    @WithTransaction
    public Uni<ModelResponse> getForReference(String providerId, String modelId) {
        return guards.shareNowait("model", "id = :id", Model.address(providerId, modelId))
                .chain(() -> find(providerId, modelId)).map(ModelResponse::of);
    }

    @WithTransaction
    public Uni<ModelResponse> create(ModelRequest request) {
        if (request == null) {
            throw ProblemException.validation("", "a JSON object is required");
        }
        ModelRequest r = ModelValidator.normalise(request);
        String address = Model.address(r.providerId(), r.modelId());
        // for share: a concurrent delete of the provider waits for this create (and then sees the model), or wins first
        return providers.findById(r.providerId(), LockModeType.PESSIMISTIC_READ)
                .invoke(p -> {
                    if (p == null) {
                        throw ProblemException.validation("/providerId", "unknown provider " + r.providerId());
                    }
                })
                .chain(p -> models.findById(address).invoke(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflictAt("/modelId", "model " + address + " already exists");
                    }
                }).replaceWith(p))
                .chain(p -> checkAgainstCatalog(r, p, address))
                .chain(() -> {
                    Model m = new Model();
                    m.id = address;
                    m.providerId = r.providerId();
                    m.modelId = r.modelId();
                    ModelResponse.apply(r, m);
                    m.createdAt = m.updatedAt = Instant.now();
                    return models.persistAndFlush(m);
                })
                .chain(m -> event("created", m));
    }

    /** Merge-patches a model; {@code ifMatch} = accepted versions (null = any). */
    @WithTransaction
    public Uni<ModelResponse> patch(String providerId, String modelId, JsonNode patch, long[] ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.validation("", "a JSON object is required");
        }
        if (patch.has("providerId") || patch.has("modelId")) {
            throw ProblemException.validation(patch.has("providerId") ? "/providerId" : "/modelId",
                    "providerId and modelId cannot change; create a new model instead");
        }
        return find(providerId, modelId, LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            ETags.check(ifMatch, m.publicVersion(), "model " + m.id);
            ObjectNode merged = JsonMerge.apply(mapper.valueToTree(ModelResponse.asRequest(m)), patch);
            ModelRequest r;
            try {
                r = ModelValidator.normalise(mapper.treeToValue(merged, ModelRequest.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
            if (r.equals(ModelResponse.asRequest(m))) {
                return Uni.createFrom().item(ModelResponse.of(m));
            }
            return providers.findById(providerId)
                    .chain(p -> checkAgainstCatalog(r, p, m.id))
                    .chain(() -> {
                        ModelResponse.apply(r, m);
                        m.updatedAt = Instant.now();
                        return models.flush();
                    })
                    .chain(() -> event("updated", m));
        });
    }

    /**
     * Deletes a model: refused (409 {@code still-referenced}) while a configuration or a virtual model names its
     * address, as the projection knows or config-service says (asked while this transaction holds the row
     * {@code for update}, so its answer includes configuration writes not yet projected); 503 if it cannot say.
     */
    @WithTransaction
    public Uni<Void> delete(String providerId, String modelId, long[] ifMatch) {
        return find(providerId, modelId, LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            ETags.check(ifMatch, m.publicVersion(), "model " + m.id);
            return references.referrersOfModel(m.id).chain(referrers -> {
                if (!referrers.isEmpty()) {
                    throw ProblemException.stillReferenced("model " + m.id + " is referenced by "
                            + String.join(" and ", referrers));
                }
                return owners.configurationsUsingModel(m.id);
            }).chain(configurations -> {
                if (!configurations.isEmpty()) {
                    throw ProblemException.stillReferenced("model " + m.id + " is referenced by configuration(s) "
                            + ReferenceQueries.names(configurations));
                }
                return models.delete(m).call(models::flush)
                        .call(() -> outbox.write("model", "deleted", m.id, m.publicVersion() + 1, null));
            });
        });
    }

    private Uni<Model> find(String providerId, String modelId) {
        return find(providerId, modelId, LockModeType.NONE);
    }

    /** Writes lock the model row: concurrent deletes queue behind the first and then find nothing (404). */
    private Uni<Model> find(String providerId, String modelId, LockModeType lock) {
        return models.findById(Model.address(providerId, modelId), lock).map(m -> {
            if (m == null) {
                throw ProblemException.notFound("model " + Model.address(providerId, modelId) + " does not exist");
            }
            return m;
        });
    }

    private Uni<ModelResponse> event(String type, Model m) {
        ModelResponse response = ModelResponse.of(m);
        return outbox.write("model", type, m.id, response.version(), response).replaceWith(response);
    }

    /** Rules that need the rest of the catalog: surfaces within the provider's, bare names unique and unambiguous. */
    private Uni<Void> checkAgainstCatalog(ModelRequest r, Provider provider, String address) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < r.surfaces().size(); i++) {
            if (!provider.surfaces.contains(r.surfaces().get(i))) {
                errors.add(FieldError.at("/surfaces/" + i, "provider " + provider.id + " does not serve "
                        + r.surfaces().get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Map<String, String> names = bareNames(r);
        return notVirtual(r).chain(() -> names.isEmpty() ? Uni.createFrom().voidItem() : bareNamesFree(names, address));
    }

    /** A model's id and aliases never take a virtual model's name (that name would then mean two things). */
    private Uni<Void> notVirtual(ModelRequest r) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(r.modelId().toLowerCase(Locale.ROOT), "/modelId");
        for (int i = 0; i < r.aliases().size(); i++) {
            names.putIfAbsent(r.aliases().get(i).toLowerCase(Locale.ROOT), "/aliases/" + i);
        }
        return virtualModels.namesAmong(names.keySet()).invoke(taken -> {
            if (!taken.isEmpty()) {
                throw ProblemException.conflictAt(names.get(taken.get(0).toLowerCase(Locale.ROOT)),
                        taken.get(0) + " is the name of a virtual model");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> bareNamesFree(Map<String, String> names, String address) {
        List<FieldError> errors = new ArrayList<>();
        return providers.listAll().chain(all -> {
            for (Map.Entry<String, String> name : names.entrySet()) {
                int colon = name.getKey().indexOf(':');
                if (colon > 0 && all.stream().anyMatch(p -> p.id.equals(name.getKey().substring(0, colon)))) {
                    errors.add(FieldError.at(name.getValue(), "a bare id must not start with a provider prefix"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors);
            }
            return models.bareNamesTakenByOthers(names.keySet(), address);
        }).invoke(taken -> {
            if (!taken.isEmpty()) {
                Map.Entry<String, String> first = taken.entrySet().iterator().next();
                throw ProblemException.conflictAt(names.get(first.getKey()),
                        "bare id " + first.getKey() + " already resolves to " + first.getValue());
            }
        }).replaceWithVoid();
    }

    /** Lower-cased bare names of {@code r} → the pointer of the field that holds each. */
    private static Map<String, String> bareNames(ModelRequest r) {
        Map<String, String> names = new LinkedHashMap<>();
        if (r.bareId()) {
            names.put(r.modelId().toLowerCase(Locale.ROOT), "/modelId");
            for (int i = 0; i < r.aliases().size(); i++) {
                names.put(r.aliases().get(i).toLowerCase(Locale.ROOT), "/aliases/" + i);
            }
        }
        return names;
    }
}
