package io.aigw.catalog.snapshot;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.service;
import static io.aigw.catalog.Admin.uniqueId;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.catalog.JsonShape;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogSnapshotTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;

    JsonNode fixture() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/snapshots/catalog-snapshot.v1.json")) {
            return mapper.readTree(in);
        }
    }

    JsonNode snapshot() throws Exception {
        return mapper.readTree(service().when().get("/internal/v1/catalog-snapshot")
                .then().statusCode(200).contentType("application/json").extract().asString());
    }

    static Map<String, JsonNode> byId(JsonNode list, boolean models) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(n -> map.put(models ? n.get("providerId").asText() + ":" + n.get("modelId").asText()
                : n.get("id").asText(), n));
        return map;
    }

    static JsonNode withoutTimestamps(JsonNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove("createdAt");
        copy.remove("updatedAt");
        return copy;
    }

    @Test
    void shouldServeWholeCatalogShapedLikeTheFixture() throws Exception {
        JsonNode fixture = fixture();
        JsonNode real = snapshot();
        assertEquals("", JsonShape.difference(fixture, real));
        Map<String, JsonNode> providers = byId(real.get("providers"), false);
        Map<String, JsonNode> models = byId(real.get("models"), true);
        assertTrue(providers.keySet().containsAll(Set.of("openai", "anthropic", "google", "openrouter", "groq",
                "deepseek", "mistral", "together", "fireworks", "xai", "ollama")));
        for (JsonNode p : fixture.get("providers")) {
            assertEquals("", JsonShape.difference(p, providers.get(p.get("id").asText())));
        }
        for (JsonNode m : fixture.get("models")) {
            JsonNode any = real.get("models").get(0);
            assertEquals("", JsonShape.difference(m, any));
        }
        // the fixture's built-in entries are what the service really serves
        assertEquals(withoutTimestamps(byId(fixture.get("providers"), false).get("anthropic")),
                withoutTimestamps(providers.get("anthropic")));
        assertEquals(withoutTimestamps(byId(fixture.get("models"), true).get("anthropic:claude-sonnet-4-5")),
                withoutTimestamps(models.get("anthropic:claude-sonnet-4-5")));
    }

    @Test
    void shouldRenderEveryEntryExactlyAsTheAdminApiDoes() throws Exception {
        String id = uniqueId("same");
        admin().body(Map.of("id", id, "baseUrl", "https://same.example.com/v1?api-version=1",
                "extraHeaders", Map.of("x-a", "1"), "website", "https://same.example.com",
                "defaultPricing", Map.of("inputPerMTok", new java.math.BigDecimal("0.50"), "outputPerMTok", 2))).when()
                .post("/admin/v1/providers").then().statusCode(201);
        admin().body(Map.of("providerId", id, "modelId", "org/m:free", "bareId", true, "aliases", java.util.List.of(id + "-alias"),
                "maxOutputTokens", 4096, "unsupportedParameters", java.util.List.of("top_k"),
                "pricing", Map.of("inputPerMTok", new java.math.BigDecimal("0.0375"), "outputPerMTok", 10,
                        "cacheWrite1hPerMTok", new java.math.BigDecimal("0.075"), "reasoningPerMTok", 12,
                        "perRequest", new java.math.BigDecimal("0.005000"))))
                .when().post("/admin/v1/models").then().statusCode(201);
        JsonNode provider = mapper.readTree(admin().get("/admin/v1/providers/" + id).asString());
        JsonNode model = mapper.readTree(admin().get("/admin/v1/models/" + id + "/org/m:free").asString());
        String body = service().get("/internal/v1/catalog-snapshot").asString();
        JsonNode real = mapper.readTree(body);
        assertSameEntity(provider, byId(real.get("providers"), false).get(id));
        assertSameEntity(model, byId(real.get("models"), true).get(id + ":org/m:free"));
        CatalogSnapshot typed = mapper.readValue(body, CatalogSnapshot.class);
        assertEquals(real.get("models").size(), typed.models().size());
    }

    void assertSameEntity(JsonNode api, JsonNode snap) {
        assertEquals(withoutTimestamps(api), withoutTimestamps(snap));
        for (String field : new String[] { "createdAt", "updatedAt" }) {
            assertEquals(java.time.Instant.parse(api.get(field).asText()), java.time.Instant.parse(snap.get(field).asText()));
        }
    }

    @Test
    void shouldShipAFixtureThatIsValidPerContract() throws Exception {
        JsonNode fixture = fixture();
        Map<String, JsonNode> providers = byId(fixture.get("providers"), false);
        Set<String> bareIds = new HashSet<>();
        String previous = "";
        for (JsonNode m : fixture.get("models")) {
            JsonNode provider = providers.get(m.get("providerId").asText());
            assertTrue(provider != null, "model of unknown provider " + m);
            m.get("surfaces").forEach(s -> assertTrue(provider.get("surfaces").toString().contains(s.toString())));
            String address = m.get("providerId").asText() + ":" + m.get("modelId").asText();
            assertTrue(address.compareTo(previous) > 0, "models ordered by address");
            previous = address;
            if (m.get("bareId").asBoolean()) {
                assertTrue(bareIds.add(m.get("modelId").asText().toLowerCase()));
                m.get("aliases").forEach(a -> assertTrue(bareIds.add(a.asText().toLowerCase())));
            }
        }
    }

    @Test
    void shouldReflectCommittedChangesAndAdvanceItsVersion() throws Exception {
        long before = snapshot().get("version").asLong();
        String id = uniqueId("snap");
        admin().body(Map.of("id", id, "baseUrl", "https://s.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
        JsonNode after = snapshot();
        assertTrue(after.get("version").asLong() > before);
        assertTrue(byId(after.get("providers"), false).containsKey(id));
    }

    @Test
    void shouldServeEveryOneOfTenThousandModelsInOneDocument() throws Exception {
        String id = uniqueId("bulk");
        admin().body(Map.of("id", id, "baseUrl", "https://bulk.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into model (id, provider_id, model_id, display_name, context_length, input_modalities, "
                        + "output_modalities, input_per_mtok, output_per_mtok) "
                        + "select ? || ':org/model-' || g, ?, 'org/model-' || g, 'Bulk model ' || g, 131072, "
                        + "'{text,image}', '{text}', 0.15, 0.6 from generate_series(1, 10000) g")) {
            s.setString(1, id);
            s.setString(2, id);
            s.executeUpdate();
        }
        try {
            // Speed is measured outside the tests (see the README); here: nothing is cut off or lost.
            JsonNode real = mapper.readTree(service().get("/internal/v1/catalog-snapshot").asString());
            long bulk = 0;
            for (JsonNode model : real.get("models")) {
                if (id.equals(model.get("providerId").asText())) {
                    bulk++;
                }
            }
            assertEquals(10_000, bulk);
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from model where provider_id = '" + id + "'");
            }
        }
    }

    @Test
    void shouldRefuseSnapshotWithoutServiceToken() {
        admin().when().get("/internal/v1/catalog-snapshot").then().statusCode(401)
                .body("type", equalTo("https://aigw.dev/problems/unauthorized"));
    }
}
