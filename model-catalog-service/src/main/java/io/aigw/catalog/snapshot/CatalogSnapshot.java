package io.aigw.catalog.snapshot;

import io.aigw.catalog.model.ModelResponse;
import io.aigw.catalog.provider.ProviderResponse;
import io.aigw.catalog.virtualmodel.VirtualModelResponse;
import java.time.Instant;
import java.util.List;

/** The whole catalog for a gateway's cold start; {@code version} is the last outbox seq it includes. */
public record CatalogSnapshot(long version, Instant generatedAt, List<ProviderResponse> providers,
        List<ModelResponse> models, List<VirtualModelResponse> virtualModels) {
}
