package io.aigw.gateway.snapshot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The producers' golden snapshot fixtures (contracts.md) read into the gateway's own records and built into
 * a routing snapshot: the consumer side of the contract. Skipped while a producer has not written its fixture.
 */
class ContractFixturesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path CATALOG =
            Path.of("../model-catalog-service/src/test/resources/snapshots/catalog-snapshot.v1.json");
    private static final Path CONFIG = Path.of("../config-service/src/test/resources/snapshots/config-snapshot.v1.json");
    private static final Path PROVIDER_KEYS = Path.of("../key-service/src/test/resources/snapshots/provider-keys.v1.json");

    private static ConfigDocument emptyConfig() {
        return new ConfigDocument(0, null, List.of(), null, List.of());
    }

    private static ProviderKeysDocument noKeys() {
        return new ProviderKeysDocument(0, List.of());
    }

    @Test
    void shouldBuildASnapshotFromTheCatalogServicesFixture() throws Exception {
        assumeTrue(Files.exists(CATALOG), "catalog fixture not written yet");
        CatalogDocument catalog = MAPPER.readValue(CATALOG.toFile(), CatalogDocument.class);
        assertThat(SnapshotBuilder.build(new SnapshotSources(catalog, emptyConfig(), noKeys())), notNullValue());
    }

    @Test
    void shouldBuildASnapshotFromTheConfigServicesFixture() throws Exception {
        assumeTrue(Files.exists(CONFIG), "config fixture not written yet");
        ConfigDocument config = MAPPER.readValue(CONFIG.toFile(), ConfigDocument.class);
        CatalogDocument catalog = Files.exists(CATALOG) ? MAPPER.readValue(CATALOG.toFile(), CatalogDocument.class)
                : new CatalogDocument(0, null, List.of(), List.of(), List.of());
        var snapshot = SnapshotBuilder.build(new SnapshotSources(catalog, config, noKeys()));
        // the fixture's baseline policy is also the second configuration's: applied once, keys without one get it too
        assertThat(snapshot.firewall("cfg_q2w3e4r5t6y7u8i9").policies().size(), org.hamcrest.Matchers.equalTo(1));
        assertThat(snapshot.firewall(null).policies().get(0).name(), org.hamcrest.Matchers.equalTo("agent-guard"));
    }

    @Test
    void shouldReadTheKeyServicesProviderKeyListWithCreationOrderAndVersions() throws Exception {
        assumeTrue(Files.exists(PROVIDER_KEYS), "provider-keys fixture not written yet");
        ProviderKeysDocument keys = MAPPER.readValue(PROVIDER_KEYS.toFile(), ProviderKeysDocument.class);
        CatalogDocument catalog = new CatalogDocument(0, null, keys.providerKeys().stream()
                .map(k -> k.providerId()).distinct()
                .map(p -> new CatalogDocument.ProviderDoc(p, p, "https://" + p + ".example/v1", "bearer", null, true,
                        true, "active", List.of("openai/chat-completions"), null))
                .toList(), List.of(), List.of());
        var snapshot = SnapshotBuilder.build(new SnapshotSources(catalog, emptyConfig(), keys));
        assertThat(snapshot.keys().size(), org.hamcrest.Matchers.equalTo(
                (int) keys.providerKeys().stream().filter(k -> "active".equals(k.status())).count()));
    }
}
