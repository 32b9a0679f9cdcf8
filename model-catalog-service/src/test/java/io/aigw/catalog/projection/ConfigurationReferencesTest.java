package io.aigw.catalog.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.catalog.projection.ConfigurationReferences.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a configuration names, read from config-service's golden fixture. */
class ConfigurationReferencesTest {

    static final Path FIXTURE = Path.of("../config-service/src/test/resources/events/config-changes.v1.json");

    @Test
    void shouldFindAllowListsRuleTargetsAndFallbacksInTheConfigServiceFixture() throws Exception {
        JsonNode created = null;
        for (JsonNode event : new ObjectMapper().readTree(Files.readString(FIXTURE))) {
            if ("configuration".equals(event.path("kind").asText()) && "created".equals(event.path("type").asText())) {
                created = event;
            }
        }
        assertEquals(Set.of(
                new Reference("openrouter", ""),
                new Reference("anthropic", ""),
                new Reference("anthropic", "anthropic:claude-sonnet-4-5"),
                new Reference("openrouter", "openrouter:anthropic/claude-sonnet-4.5")),
                ConfigurationReferences.of(created.get("data")));
    }

    @Test
    void shouldReadModelAllowListsWithVirtualModelNamesAndIgnoreUnrestrictedOrMalformedEntries() throws Exception {
        JsonNode configuration = new ObjectMapper().readTree("""
                {"access":{"providers":null,"models":{"allow":["groq:llama-3.3-70b","chat-default",":x","y:",7,"a b"]}},
                 "router":{"rules":[{"model":"no-colon-here","steps":[]}]}}""");
        // a name without a colon is a virtual model only in the access scope (config-service canonicalises the rest)
        assertEquals(Set.of(new Reference("groq", "groq:llama-3.3-70b"), new Reference("", "chat-default")),
                ConfigurationReferences.of(configuration));
    }
}
