package io.aigw.gateway.support;

import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.snapshot.CatalogDocument;
import io.aigw.gateway.snapshot.CatalogDocument.ModelDoc;
import io.aigw.gateway.snapshot.CatalogDocument.ProviderDoc;
import io.aigw.gateway.snapshot.ConfigDocument;
import io.aigw.gateway.snapshot.ProviderKeysDocument;
import io.aigw.gateway.snapshot.SnapshotBuilder;
import io.aigw.gateway.snapshot.SnapshotSources;
import java.util.List;
import java.util.Map;

/** A small catalog for plain unit tests of parsing and planning. */
public final class TestCatalog {

    public static final List<String> OPENAI_SURFACES =
            List.of("openai/chat-completions", "openai/completions", "openai/responses", "openai/embeddings");

    private TestCatalog() {
    }

    public static CatalogDocument catalog() {
        return new CatalogDocument(7, "2026-11-25T00:00:00Z", List.of(
                provider("openai", true, OPENAI_SURFACES),
                provider("anthropic", true, List.of("anthropic/messages")),
                provider("openrouter", true, OPENAI_SURFACES),
                provider("ollama", true, List.of("openai/chat-completions")),
                provider("strict", false, List.of("openai/chat-completions"))), List.of(
                model("openai", "gpt-4o", "gpt-4o-2024-08-06", true, List.of("gpt-4o-latest")),
                model("openai", "text-embedding-3-small", "text-embedding-3-small", true, List.of()),
                model("anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", true, List.of()),
                model("openrouter", "anthropic/claude-3.5-sonnet", "anthropic/claude-3.5-sonnet", false, List.of()),
                model("openrouter", "google/gemma-3-27b-it:free", "google/gemma-3-27b-it:free", false, List.of()),
                model("ollama", "llama3.2:1b", "llama3.2:1b", true, List.of()),
                model("strict", "only-model", "only-model", false, List.of())), List.of());
    }

    public static RoutingSnapshot snapshot() {
        return SnapshotBuilder.build(new SnapshotSources(catalog(),
                new ConfigDocument(1, null, List.of(), null, List.of()), new ProviderKeysDocument(1, List.of())));
    }

    public static ProviderDoc provider(String id, boolean passThrough, List<String> surfaces) {
        return new ProviderDoc(id, id, "https://" + id + ".example/v1", "bearer", Map.of(), true, passThrough,
                "active", surfaces, null);
    }

    public static ModelDoc model(String provider, String id, String providerModelId, boolean bare, List<String> aliases) {
        return new ModelDoc(provider, id, providerModelId, id, bare, aliases, 128000, 4096, List.of(), List.of(),
                null, "active", "2026-01-01T00:00:00Z", List.of());
    }
}
