package io.aigw.config.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.config.configuration.ModelAddressResolver.Resolution;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelAddressResolverTest {

    private final CatalogView view = new CatalogView(
            Map.of("openrouter", true, "anthropic", false, "openai", false, "ollama", true),
            Set.of("anthropic:claude-sonnet-4-5", "openrouter:anthropic/claude-sonnet-4-5",
                    "openrouter:anthropic/claude-3.5-sonnet", "openai:gpt-4o"),
            Map.of("anthropic/claude-sonnet-4-5", List.of("openrouter:anthropic/claude-sonnet-4-5"),
                    "anthropic/claude-3.5-sonnet", List.of("openrouter:anthropic/claude-3.5-sonnet")),
            Map.of("gpt-4o", List.of("openai:gpt-4o")),
            Map.of());

    private Resolution resolve(String entry) {
        return ModelAddressResolver.resolve(entry, view);
    }

    @Test
    void shouldSplitOnTheFirstColonOnlyWhenTheLeftPartIsAKnownProvider() {
        assertEquals("openrouter:google/gemma-3-27b-it:free", resolve("openrouter:google/gemma-3-27b-it:free").canonical());
        assertEquals("ollama:llama3.2:1b", resolve("ollama:llama3.2:1b").canonical());
        assertTrue(resolve("nope:llama3.2:1b").error().contains("unknown provider"));
    }

    @Test
    void shouldRequireCatalogModelUnlessProviderAllowsPassThrough() {
        assertEquals("openai:gpt-4o", resolve("openai:gpt-4o").canonical());
        assertTrue(resolve("openai:gpt-9").error().contains("pass-through"));
        assertEquals("openrouter:any/new-model", resolve("openrouter:any/new-model").canonical());
    }

    @Test
    void shouldCanonicaliseUnambiguousSlashForm() {
        assertEquals("openai:gpt-4o", resolve("openai/gpt-4o").canonical());
        assertEquals("openrouter:meta/llama", resolve("openrouter/meta/llama").canonical());
    }

    @Test
    void shouldRejectSlashFormThatNamesTwoModels() {
        Resolution ambiguous = resolve("anthropic/claude-sonnet-4-5");
        assertNull(ambiguous.canonical());
        assertTrue(ambiguous.error().contains("ambiguous"));
        assertTrue(ambiguous.error().contains("\"anthropic:claude-sonnet-4-5\" or \"openrouter:anthropic/claude-sonnet-4-5\""));
    }

    @Test
    void shouldSuggestTheProviderQualifiedAddressForAnUnknownSlashForm() {
        assertTrue(resolve("anthropic/claude-3.5-sonnet").error().contains("did you mean \"openrouter:anthropic/claude-3.5-sonnet\""));
        assertTrue(resolve("meta-llama/llama-3").error().contains("write it as provider:model"));
    }

    @Test
    void shouldResolveBareCatalogIdsCaseInsensitively() {
        assertEquals("openai:gpt-4o", resolve("GPT-4o").canonical());
        assertTrue(resolve("claude-sonnet-4-5").error().contains("unknown model"));
    }
}
