package io.aigw.catalog.model;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelResourceTest {

    String provider;

    @BeforeEach
    void createProvider() {
        provider = uniqueId("mp");
        admin().body(Map.of("id", provider, "baseUrl", "https://m.example.com/v1",
                        "surfaces", List.of("openai/chat-completions", "openai/embeddings")))
                .when().post("/admin/v1/providers").then().statusCode(201);
    }

    Map<String, Object> model(String modelId) {
        Map<String, Object> m = new HashMap<>();
        m.put("providerId", provider);
        m.put("modelId", modelId);
        m.put("displayName", "Model " + modelId);
        m.put("contextLength", 131072);
        m.put("inputModalities", List.of("text", "image"));
        m.put("pricing", Map.of("inputPerMTok", 0.15, "outputPerMTok", 0.6, "cachedInputPerMTok", 0.075));
        return m;
    }

    @Test
    void shouldServeSeededModelsWithContextLengthsAndListPrices() {
        admin().when().get("/admin/v1/models/openai/gpt-4o").then().statusCode(200)
                .body("contextLength", equalTo(128000))
                .body("bareId", equalTo(true))
                .body("pricing.inputPerMTok", equalTo(2.5f))
                .body("pricing.outputPerMTok", equalTo(10))
                .body("version", equalTo(1));
        admin().when().get("/admin/v1/models/anthropic/claude-sonnet-4-5").then().statusCode(200)
                .body("providerModelId", equalTo("claude-sonnet-4-5-20250929"))
                .body("pricing.cacheWritePerMTok", equalTo(3.75f));
    }

    @Test
    void shouldCreateModelWithSlashesAndColonsAndReadItBackByPath() {
        String modelId = "google/gemma-3-27b-it:free";
        admin().body(model(modelId)).when().post("/admin/v1/models")
                .then().statusCode(201)
                .header("Location", endsWith("/admin/v1/models/" + provider + "/" + modelId))
                .body("modelId", equalTo(modelId)).body("version", equalTo(1))
                .body("bareId", equalTo(false)).body("status", equalTo("active"))
                .body("outputModalities", contains("text"));
        admin().when().get("/admin/v1/models/" + provider + "/" + modelId).then().statusCode(200)
                .body("displayName", equalTo("Model " + modelId));
        admin().when().get("/admin/v1/models/" + provider + "/google/gemma-3-27b-it").then().statusCode(404);
    }

    @Test
    void shouldStorePricesExactlyAsDecimals() {
        Map<String, Object> m = model("exact");
        m.put("pricing", Map.of("inputPerMTok", new java.math.BigDecimal("0.0375"),
                "outputPerMTok", new java.math.BigDecimal("12.50"), "perRequest", new java.math.BigDecimal("0.000001")));
        String body = admin().body(m).when().post("/admin/v1/models").then().statusCode(201).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"inputPerMTok\":0.0375"));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"outputPerMTok\":12.5"));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"perRequest\":0.000001"));
    }

    @Test
    void shouldReturn400NamingTheFieldForNegativePrice() {
        Map<String, Object> m = model("neg");
        m.put("pricing", Map.of("inputPerMTok", -1));
        admin().body(m).when().post("/admin/v1/models").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/pricing/inputPerMTok"));
        admin().when().get("/admin/v1/models/" + provider + "/neg").then().statusCode(404);
    }

    @Test
    void shouldReturn400ForUnknownProviderBadIdAndWrongTypes() {
        Map<String, Object> m = model("x");
        m.put("providerId", "no-such-provider");
        admin().body(m).when().post("/admin/v1/models").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/providerId"));
        admin().body(model("has space")).when().post("/admin/v1/models").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/modelId"));
        admin().body(model("/leading")).when().post("/admin/v1/models").then().statusCode(400);
        Map<String, Object> wrong = model("wrong");
        wrong.put("contextLength", "lots");
        admin().body(wrong).when().post("/admin/v1/models").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/contextLength"));
        Map<String, Object> surface = model("surface");
        surface.put("surfaces", List.of("anthropic/messages"));
        admin().body(surface).when().post("/admin/v1/models").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/surfaces/0"));
    }

    @Test
    void shouldReturn409ForDuplicateModel() {
        admin().body(model("dup")).when().post("/admin/v1/models").then().statusCode(201);
        admin().body(model("dup")).when().post("/admin/v1/models").then().statusCode(409)
                .body("errors[0].pointer", equalTo("/modelId"));
    }

    @Test
    void shouldKeepBareIdsUniqueCaseInsensitivelyAcrossModelsAndAliases() {
        String bare = uniqueId("bare");
        Map<String, Object> first = model(bare);
        first.put("bareId", true);
        first.put("aliases", List.of(bare + "-latest"));
        admin().body(first).when().post("/admin/v1/models").then().statusCode(201);

        String other = uniqueId("mp2");
        admin().body(Map.of("id", other, "baseUrl", "https://m2.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
        Map<String, Object> clash = model(bare.toUpperCase());
        clash.put("providerId", other);
        clash.put("bareId", true);
        admin().body(clash).when().post("/admin/v1/models").then().statusCode(409)
                .body("errors[0].pointer", equalTo("/modelId"))
                .body("detail", containsString(provider + ":" + bare));
        Map<String, Object> aliasClash = model("distinct-" + bare);
        aliasClash.put("providerId", other);
        aliasClash.put("bareId", true);
        aliasClash.put("aliases", List.of("x-" + bare, bare + "-LATEST"));
        admin().body(aliasClash).when().post("/admin/v1/models").then().statusCode(409)
                .body("errors[0].pointer", equalTo("/aliases/1"));
        clash.put("bareId", false);
        admin().body(clash).when().post("/admin/v1/models").then().statusCode(201);

        admin().queryParam("q", bare).when().get("/admin/v1/bare-ids").then().statusCode(200)
                .body("data", hasSize(2))
                .body("data.address", everyItem(equalTo(provider + ":" + bare)))
                .body("data.find { it.alias }.bareId", equalTo(bare + "-latest"));
    }

    @Test
    void shouldListSeededBareIdsWithWhereTheyResolve() {
        admin().queryParam("q", "claude-sonnet-4-5").when().get("/admin/v1/bare-ids").then().statusCode(200)
                .body("data.find { it.bareId == 'claude-sonnet-4-5' }.address", equalTo("anthropic:claude-sonnet-4-5"))
                .body("data.find { it.bareId == 'claude-sonnet-4-5-20250929' }.alias", equalTo(true));
    }

    @Test
    void shouldRefuseAliasesWithoutBareIdAndBareIdsWithProviderPrefix() {
        Map<String, Object> m = model("alias-only");
        m.put("aliases", List.of("something"));
        admin().body(m).when().post("/admin/v1/models").then().statusCode(400).body("errors[0].pointer", equalTo("/aliases"));
        Map<String, Object> prefixed = model("openai:sneaky");
        prefixed.put("bareId", true);
        admin().body(prefixed).when().post("/admin/v1/models").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/modelId"));
    }

    @Test
    void shouldPatchOnlyGivenFieldsMergePricingAndClearWithNull() {
        admin().body(model("p1")).when().post("/admin/v1/models").then().statusCode(201);
        admin().body("{\"pricing\":{\"outputPerMTok\":0.9},\"contextLength\":null,\"status\":\"deprecated\"}")
                .when().patch("/admin/v1/models/" + provider + "/p1")
                .then().statusCode(200)
                .body("pricing.inputPerMTok", equalTo(0.15f))
                .body("pricing.outputPerMTok", equalTo(0.9f))
                .body("contextLength", nullValue())
                .body("status", equalTo("deprecated"))
                .body("inputModalities", contains("text", "image"))
                .body("version", equalTo(2));
        admin().body("{\"pricing\":{\"inputPerMTok\":-3}}").when().patch("/admin/v1/models/" + provider + "/p1")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/pricing/inputPerMTok"));
        admin().body("{\"modelId\":\"renamed\"}").when().patch("/admin/v1/models/" + provider + "/p1")
                .then().statusCode(400);
        admin().when().get("/admin/v1/models/" + provider + "/p1").then()
                .body("pricing.inputPerMTok", equalTo(0.15f)).body("version", equalTo(2));
    }

    @Test
    void shouldDeleteModelWith204AndFreeItsBareId() {
        String bare = uniqueId("gone");
        Map<String, Object> m = model(bare);
        m.put("bareId", true);
        admin().body(m).when().post("/admin/v1/models").then().statusCode(201);
        admin().when().delete("/admin/v1/models/" + provider + "/" + bare).then().statusCode(204);
        admin().when().get("/admin/v1/models/" + provider + "/" + bare).then().statusCode(404);
        admin().queryParam("q", bare).when().get("/admin/v1/bare-ids").then().body("data", hasSize(0));
        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(204);
    }

    @Test
    void shouldFilterByProviderSurfaceModalityStatusAndText() {
        admin().body(model("chat-a")).when().post("/admin/v1/models").then().statusCode(201);
        Map<String, Object> emb = model("embed-b");
        emb.put("surfaces", List.of("openai/embeddings"));
        emb.put("inputModalities", List.of("text"));
        emb.put("outputModalities", List.of("embedding"));
        emb.put("status", "deprecated");
        admin().body(emb).when().post("/admin/v1/models").then().statusCode(201);

        admin().queryParam("provider", provider).when().get("/admin/v1/models").then().statusCode(200)
                .body("data.modelId", contains("chat-a", "embed-b"));
        admin().queryParam("provider", provider).queryParam("surface", "openai/embeddings")
                .when().get("/admin/v1/models").then().body("data.modelId", contains("chat-a", "embed-b"));
        admin().queryParam("provider", provider).queryParam("surface", "openai/chat-completions")
                .when().get("/admin/v1/models").then().body("data.modelId", contains("chat-a"));
        admin().queryParam("provider", provider).queryParam("modality", "image")
                .when().get("/admin/v1/models").then().body("data.modelId", contains("chat-a"));
        admin().queryParam("provider", provider).queryParam("status", "deprecated")
                .when().get("/admin/v1/models").then().body("data.modelId", contains("embed-b"));
        admin().queryParam("q", provider + ":EMBED").when().get("/admin/v1/models")
                .then().body("data.modelId", contains("embed-b"));
        admin().queryParam("surface", "anthropic/messages").queryParam("limit", 100).when().get("/admin/v1/models")
                .then().body("data.providerId", everyItem(equalTo("anthropic"))).body("data", not(empty()));
    }

    @Test
    void shouldPaginateModelsWithCursorWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            admin().body(model("page-" + i)).when().post("/admin/v1/models").then().statusCode(201);
        }
        var first = admin().queryParam("provider", provider).queryParam("limit", 2).when().get("/admin/v1/models")
                .then().body("data.modelId", contains("page-0", "page-1")).extract().jsonPath();
        var second = admin().queryParam("provider", provider).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).when().get("/admin/v1/models")
                .then().body("data.modelId", contains("page-2", "page-3")).extract().jsonPath();
        admin().queryParam("provider", provider).queryParam("limit", 2)
                .queryParam("cursor", second.getString("nextCursor")).when().get("/admin/v1/models")
                .then().body("data.modelId", contains("page-4")).body("nextCursor", nullValue());
        admin().queryParam("cursor", "%%%").when().get("/admin/v1/models").then().statusCode(400);
    }
}
