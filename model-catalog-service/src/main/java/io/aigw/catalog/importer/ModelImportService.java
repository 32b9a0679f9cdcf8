package io.aigw.catalog.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.kit.problem.ProblemException;
import io.aigw.catalog.model.Model;
import io.aigw.catalog.model.ModelRepository;
import io.aigw.catalog.model.ModelRequest;
import io.aigw.catalog.model.ModelResponse;
import io.aigw.catalog.outbox.CatalogEvents;
import io.aigw.catalog.provider.ProviderRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Upserts a provider's models from an OpenRouter-shaped document in one transaction. The import owns the
 * display name, context length, max output tokens, modalities and pricing; what an operator set on a model
 * (bare id, aliases, surfaces, unsupported parameters, providerModelId, status) is kept. Models missing from
 * the document are left alone. Idempotent: a second import of the same document changes nothing.
 */
@ApplicationScoped
public class ModelImportService {

    private final ProviderRepository providers;
    private final ModelRepository models;
    private final CatalogEvents outbox;

    public ModelImportService(ProviderRepository providers, ModelRepository models, CatalogEvents outbox) {
        this.providers = providers;
        this.models = models;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<ImportResult> importOpenRouter(String providerId, JsonNode document) {
        // for share, like a model create: a concurrent provider delete and this import never both win
        return providers.findById(providerId, LockModeType.PESSIMISTIC_READ).chain(provider -> {
            if (provider == null) {
                throw ProblemException.notFound("provider " + providerId + " does not exist");
            }
            List<ModelRequest> requests = OpenRouterModelMapper.read(providerId, document);
            return models.listByProvider(providerId).chain(existing -> upsert(providerId, requests,
                    existing.stream().collect(Collectors.toMap(m -> m.modelId, Function.identity()))));
        });
    }

    private Uni<ImportResult> upsert(String providerId, List<ModelRequest> requests, Map<String, Model> existing) {
        List<Model> created = new ArrayList<>();
        List<Model> updated = new ArrayList<>();
        Instant now = Instant.now();
        for (ModelRequest r : requests) {
            Model m = existing.get(r.modelId());
            if (m == null) {
                m = new Model();
                m.id = Model.address(providerId, r.modelId());
                m.providerId = providerId;
                m.modelId = r.modelId();
                ModelResponse.apply(r, m);
                m.createdAt = m.updatedAt = now;
                created.add(m);
                continue;
            }
            ModelRequest current = ModelResponse.asRequest(m);
            ModelRequest desired = new ModelRequest(providerId, m.modelId, current.providerModelId(), r.displayName(),
                    current.bareId(), current.aliases(), r.contextLength(), r.maxOutputTokens(), r.inputModalities(),
                    r.outputModalities(), current.surfaces(), current.unsupportedParameters(), r.pricing(),
                    current.status());
            if (!desired.equals(current)) {
                ModelResponse.apply(desired, m);
                m.updatedAt = now;
                updated.add(m);
            }
        }
        int unchanged = requests.size() - created.size() - updated.size();
        Uni<Void> persisted = created.isEmpty() ? Uni.createFrom().voidItem() : models.persist(created);
        return persisted.chain(models::flush).chain(() -> {
            Uni<Void> events = Uni.createFrom().voidItem();
            for (Model m : created) {
                events = events.chain(() -> outbox.write("model", "created", m.id, m.publicVersion(), ModelResponse.of(m)));
            }
            for (Model m : updated) {
                events = events.chain(() -> outbox.write("model", "updated", m.id, m.publicVersion(), ModelResponse.of(m)));
            }
            return events;
        }).replaceWith(new ImportResult(providerId, requests.size(), created.size(), updated.size(), unchanged));
    }
}
