package io.aigw.catalog.virtualmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.catalog.outbox.CatalogEvents;
import io.aigw.catalog.projection.ReferenceQueries;
import io.aigw.kit.json.JsonMerge;
import io.aigw.kit.paging.ETags;
import io.aigw.kit.paging.Page;
import io.aigw.kit.paging.Paging;
import io.aigw.kit.problem.ProblemException;
import io.aigw.kit.projection.OwnerLookup;
import io.aigw.kit.projection.ReferenceGuards;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

/** Virtual-model CRUD; every change writes its {@code catalog-changes} event (kind {@code virtual-model}) in the same transaction. */
@ApplicationScoped
public class VirtualModelService {

    static final String KIND = "virtual-model";

    private final VirtualModelRepository virtualModels;
    private final VirtualModelRules rules;
    private final CatalogEvents outbox;
    private final ObjectMapper mapper;
    private final ReferenceQueries references;
    private final OwnerLookup owners;
    private final ReferenceGuards guards;

    public VirtualModelService(VirtualModelRepository virtualModels, VirtualModelRules rules, CatalogEvents outbox,
            ObjectMapper mapper, ReferenceQueries references, OwnerLookup owners, ReferenceGuards guards) {
        this.owners = owners;
        this.guards = guards;
        this.references = references;
        this.virtualModels = virtualModels;
        this.rules = rules;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<Page<VirtualModelResponse>> list(String cursor, String limit) {
        int size = Paging.limit(limit);
        return virtualModels.page(Paging.decode(cursor), size + 1)
                .map(rows -> Paging.page(rows, size, v -> v.name, VirtualModelResponse::of));
    }

    @WithSession
    public Uni<VirtualModelResponse> get(String name) {
        return find(name, LockModeType.NONE).map(VirtualModelResponse::of);
    }

    /**
     * The virtual model (any case) for a configuration write whose access scope names it: the row is read
     * {@code for share nowait}, so while a delete holds it (and asks config-service for referrers) the answer is a
     * 409, never a virtual model about to vanish ({@code ReferenceGuards} in the kit has the argument).
     */
    @WithTransaction
    public Uni<VirtualModelResponse> getForReference(String name) {
        return guards.shareNowait("virtual_model", "lower(name) = lower(:id)", name).chain(() -> get(name));
    }

    @WithTransaction
    public Uni<VirtualModelResponse> create(VirtualModelRequest request) {
        VirtualModelRequest r = VirtualModelValidator.normalise(request);
        return virtualModels.findByName(r.name(), LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
            if (existing != null) {
                throw ProblemException.conflictAt("/name", "virtual model " + existing.name + " already exists");
            }
            return rules.check(r);
        }).chain(checked -> {
            VirtualModel v = new VirtualModel();
            v.name = checked.name();
            apply(checked, v);
            v.createdAt = v.updatedAt = Instant.now();
            return virtualModels.persistAndFlush(v);
        }).chain(v -> event("created", v));
    }

    /** Merge-patches virtual model {@code name} (the name cannot change); {@code ifMatch} = accepted versions. */
    @WithTransaction
    public Uni<VirtualModelResponse> patch(String name, JsonNode patch, long[] ifMatch) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.validation("", "a JSON object is required");
        }
        if (patch.has("name")) {
            throw ProblemException.validation("/name", "name cannot change; create a new virtual model instead");
        }
        return find(name, LockModeType.PESSIMISTIC_WRITE).chain(v -> {
            ETags.check(ifMatch, v.publicVersion(), "virtual model " + v.name);
            ObjectNode merged = JsonMerge.apply(mapper.valueToTree(VirtualModelResponse.asRequest(v)), patch);
            VirtualModelRequest r;
            try {
                r = VirtualModelValidator.normalise(mapper.treeToValue(merged, VirtualModelRequest.class));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
            return rules.check(r).chain(checked -> {
                if (checked.equals(VirtualModelResponse.asRequest(v))) {
                    return Uni.createFrom().item(VirtualModelResponse.of(v));
                }
                apply(checked, v);
                v.updatedAt = Instant.now();
                return virtualModels.flush().chain(() -> event("updated", v));
            });
        });
    }

    /**
     * Deletes virtual model {@code name}: refused (409 {@code still-referenced}) while a configuration's access scope
     * names it, as far as the configuration projection knows, or config-service (asked while this transaction holds
     * the row {@code for update}) names a configuration: one written a moment ago and the delete never both win.
     */
    @WithTransaction
    public Uni<Void> delete(String name, long[] ifMatch) {
        return find(name, LockModeType.PESSIMISTIC_WRITE).chain(v -> {
            ETags.check(ifMatch, v.publicVersion(), "virtual model " + v.name);
            return references.referrersOfVirtualModel(v.name).chain(referrers -> {
                if (!referrers.isEmpty()) {
                    throw ProblemException.stillReferenced("virtual model " + v.name + " is referenced by "
                            + String.join(" and ", referrers));
                }
                return owners.configurationsUsingVirtualModel(v.name);
            }).chain(configurations -> {
                // config-service's own answer, taken while this row is locked: it includes writes not yet projected
                if (!configurations.isEmpty()) {
                    throw ProblemException.stillReferenced("virtual model " + v.name + " is referenced by"
                            + " configuration(s) " + String.join(", ", configurations.subList(0,
                                    Math.min(configurations.size(), 5))) + (configurations.size() > 5 ? ", …" : ""));
                }
                return virtualModels.delete(v).call(virtualModels::flush)
                        .call(() -> outbox.write(KIND, "deleted", v.name, v.publicVersion() + 1, null));
            });
        });
    }

    private Uni<VirtualModel> find(String name, LockModeType lock) {
        return virtualModels.findByName(name, lock).map(v -> {
            if (v == null) {
                throw ProblemException.notFound("virtual model " + name + " does not exist");
            }
            return v;
        });
    }

    private Uni<VirtualModelResponse> event(String type, VirtualModel v) {
        VirtualModelResponse response = VirtualModelResponse.of(v);
        return outbox.write(KIND, type, v.name, response.version(), response).replaceWith(response);
    }

    private static void apply(VirtualModelRequest r, VirtualModel v) {
        v.description = r.description();
        v.targets = r.targets();
    }
}
