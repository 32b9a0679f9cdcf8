package io.aigw.catalog.provider;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProviderResourceTest {

    @Inject
    DataSource dataSource;

    static Map<String, Object> custom(String id, String baseUrl) {
        return Map.of("id", id, "displayName", "My vLLM", "baseUrl", baseUrl,
                "surfaces", List.of("openai/chat-completions", "openai/embeddings"));
    }

    static void create(String id, String baseUrl) {
        admin().body(custom(id, baseUrl)).when().post("/admin/v1/providers").then().statusCode(201);
    }

    @Test
    void shouldSeedEveryBuiltInProvider() {
        admin().queryParam("limit", 100).when().get("/admin/v1/providers")
                .then().statusCode(200)
                .body("data.findAll { it.builtIn }.id", hasItems("openai", "anthropic", "google", "openrouter", "groq",
                        "deepseek", "mistral", "together", "fireworks", "xai", "ollama"));
    }

    @Test
    void shouldSeedAnthropicWithItsAuthSchemeHeaderAndSurface() {
        admin().when().get("/admin/v1/providers/anthropic")
                .then().statusCode(200)
                .body("baseUrl", equalTo("https://api.anthropic.com/v1"))
                .body("authScheme", equalTo("x-api-key"))
                .body("extraHeaders.anthropic-version", equalTo("2023-06-01"))
                .body("surfaces", contains("anthropic/messages"))
                .body("builtIn", equalTo(true))
                .body("keyRequired", equalTo(true));
    }

    @Test
    void shouldSeedOllamaDisabledWithoutKeyAndGoogleOnItsOpenAiEndpoint() {
        admin().when().get("/admin/v1/providers/ollama").then().statusCode(200)
                .body("baseUrl", equalTo("http://localhost:11434/v1")).body("keyRequired", equalTo(false))
                .body("status", equalTo("disabled"));
        admin().when().get("/admin/v1/providers/google").then().statusCode(200)
                .body("baseUrl", equalTo("https://generativelanguage.googleapis.com/v1beta/openai"))
                .body("authScheme", equalTo("bearer"));
    }

    @Test
    void shouldSeedTheNativeGeminiProviderAndAcceptCustomProvidersServingGenerateContent() {
        admin().when().get("/admin/v1/providers/gemini").then().statusCode(200)
                .body("baseUrl", equalTo("https://generativelanguage.googleapis.com/v1beta"))
                .body("authScheme", equalTo("x-goog-api-key"))
                .body("surfaces", equalTo(List.of("google/generate-content")));
        admin().when().get("/admin/v1/models/gemini/gemini-2.5-flash").then().statusCode(200)
                .body("surfaces", equalTo(List.of("google/generate-content"))).body("bareId", equalTo(false));
        String id = uniqueId("gem");
        admin().body(Map.of("id", id, "baseUrl", "https://gemini.example.com/v1beta", "authScheme", "x-goog-api-key",
                        "surfaces", List.of("google/generate-content")))
                .when().post("/admin/v1/providers")
                .then().statusCode(201).body("surfaces", equalTo(List.of("google/generate-content")));
    }

    @Test
    void shouldCreateCustomProviderWith201AndLocation() {
        String id = uniqueId("vllm");
        admin().body(custom(id, "https://vllm.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201)
                .header("Location", endsWith("/admin/v1/providers/" + id))
                .body("id", equalTo(id)).body("builtIn", equalTo(false)).body("version", equalTo(1))
                .body("authScheme", equalTo("bearer")).body("status", equalTo("active"))
                .body("createdAt", notNullValue());
        admin().when().get("/admin/v1/providers/" + id).then().statusCode(200).body("displayName", equalTo("My vLLM"));
    }

    @Test
    void shouldKeepADefaultPriceForPassThroughModelsAndClearItWithNull() {
        String id = uniqueId("priced");
        Map<String, Object> body = new java.util.HashMap<>(custom(id, "https://priced.example.com/v1"));
        body.put("defaultPricing", Map.of("inputPerMTok", new java.math.BigDecimal("0.50"), "outputPerMTok", 2,
                "cacheWrite1hPerMTok", 1, "perRequest", new java.math.BigDecimal("0.0010")));
        admin().body(body).when().post("/admin/v1/providers").then().statusCode(201)
                .body("defaultPricing.inputPerMTok", equalTo(0.5f))
                .body("defaultPricing.outputPerMTok", equalTo(2))
                .body("defaultPricing.cacheWrite1hPerMTok", equalTo(1))
                .body("defaultPricing.perRequest", equalTo(0.001f))
                .body("defaultPricing.reasoningPerMTok", nullValue());
        admin().body("{\"defaultPricing\":null}").when().patch("/admin/v1/providers/" + id).then().statusCode(200)
                .body("defaultPricing", nullValue());
        admin().when().get("/admin/v1/providers/" + id).then().statusCode(200).body("defaultPricing", nullValue());
    }

    @Test
    void shouldRefuseANegativeDefaultPriceNamingTheRate() {
        Map<String, Object> body = new java.util.HashMap<>(custom(uniqueId("neg"), "https://neg.example.com/v1"));
        body.put("defaultPricing", Map.of("outputPerMTok", -1));
        admin().body(body).when().post("/admin/v1/providers").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/defaultPricing/outputPerMTok"));
    }

    @Test
    void shouldReturn409WhenProviderIdCollidesWithBuiltIn() {
        admin().body(custom("openrouter", "https://example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/conflict"))
                .body("errors[0].pointer", equalTo("/id"));
        admin().when().get("/admin/v1/providers/openrouter").then().body("baseUrl", equalTo("https://openrouter.ai/api/v1"));
    }

    @Test
    void shouldReturn409WhenCustomProviderAlreadyExists() {
        String id = uniqueId("dup");
        create(id, "https://a.example.com/v1");
        admin().body(custom(id, "https://b.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(409).body("errors[0].pointer", equalTo("/id"));
        admin().when().get("/admin/v1/providers/" + id).then().body("baseUrl", equalTo("https://a.example.com/v1"));
    }

    @Test
    void shouldReturn400NamingIdWhenIdBreaksTheRules() {
        for (String bad : List.of("Upper", "with_underscore", "", "x".repeat(64), "dots.no")) {
            admin().body(custom(bad, "https://example.com/v1")).when().post("/admin/v1/providers")
                    .then().statusCode(400).body("type", equalTo("https://aigw.dev/problems/validation-failed"))
                    .body("errors.pointer", hasItem("/id"));
        }
    }

    @Test
    void shouldRefuseHttpAndInternalBaseUrlsAsSsrfProtection() {
        for (String url : List.of("http://api.example.com/v1", "https://localhost:8000/v1", "https://127.0.0.1/v1",
                "https://10.0.0.5/v1", "https://169.254.169.254/latest", "https://192.168.1.10/v1",
                "https://[::1]:8000/v1", "https://vllm.default.svc/v1", "https://vllm.ns.svc.cluster.local/v1",
                "https://ollama/v1", "https://0x7f.0.0.1/v1", "https://user:pass@api.example.com/v1")) {
            String id = uniqueId("ssrf");
            admin().body(custom(id, url)).when().post("/admin/v1/providers")
                    .then().statusCode(400).body("errors[0].pointer", equalTo("/baseUrl"));
            admin().when().get("/admin/v1/providers/" + id).then().statusCode(404);
        }
    }

    @Test
    void shouldReturn400WhenBaseUrlIsNotAUrl() {
        admin().body(custom(uniqueId("bad"), "not a url")).when().post("/admin/v1/providers")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/baseUrl"));
    }

    @Test
    void shouldAcceptHttpForAllowListedHostsAndKeepApiVersionQuery() {
        String id = uniqueId("lab");
        admin().body(custom(id, "http://vllm.test.internal:8000/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
        String azure = uniqueId("azure");
        admin().body(Map.of("id", azure, "baseUrl",
                        "https://my.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21",
                        "authScheme", "api-key"))
                .when().post("/admin/v1/providers")
                .then().statusCode(201)
                .body("baseUrl", equalTo("https://my.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"))
                .body("surfaces", contains("openai/chat-completions"));
        admin().body(custom(uniqueId("wild"), "http://gpu1.lab.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
    }

    @Test
    void shouldReturn400ForMalformedJsonWrongTypesAndUnknownFields() {
        admin().body("{\"id\": \"x\",").when().post("/admin/v1/providers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/malformed-json"))
                .body("instance", equalTo("/admin/v1/providers"));
        admin().body("{\"id\":\"" + uniqueId("t") + "\",\"baseUrl\":\"https://e.example.com\",\"keyRequired\":{}}")
                .when().post("/admin/v1/providers")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/keyRequired"));
        admin().body("{\"id\":\"" + uniqueId("t") + "\",\"baseUrl\":\"https://e.example.com\",\"colour\":\"red\"}")
                .when().post("/admin/v1/providers")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/colour"));
    }

    @Test
    void shouldRefuseCredentialHeadersAndUnknownSurfaces() {
        admin().body(Map.of("id", uniqueId("h"), "baseUrl", "https://e.example.com/v1",
                        "extraHeaders", Map.of("Authorization", "Bearer sk-secret"),
                        "surfaces", List.of("openai/chat-completions", "openai/images")))
                .when().post("/admin/v1/providers")
                .then().statusCode(400)
                .body("errors.pointer", hasItems("/extraHeaders/Authorization", "/surfaces/1"))
                .body(not(containsString("sk-secret")));
    }

    @Test
    void shouldRefuseHopByHopContentAndHostHeadersInExtraHeaders() {
        admin().body(Map.of("id", uniqueId("hop"), "baseUrl", "https://e.example.com/v1",
                        "extraHeaders", Map.of("Upgrade", "h2c", "TE", "trailers", "Keep-Alive", "timeout=5",
                                "Content-Type", "text/plain", "Accept-Encoding", "gzip", "Host", "evil.example",
                                "x-team", "a")))
                .when().post("/admin/v1/providers")
                .then().statusCode(400)
                .body("errors.pointer", hasItems("/extraHeaders/Upgrade", "/extraHeaders/TE", "/extraHeaders/Keep-Alive",
                        "/extraHeaders/Content-Type", "/extraHeaders/Accept-Encoding", "/extraHeaders/Host"))
                .body("errors.pointer", not(hasItems("/extraHeaders/x-team")));
    }

    @Test
    void shouldPatchOnlyGivenFieldsAndClearWithNull() {
        String id = uniqueId("patch");
        admin().body(Map.of("id", id, "displayName", "Before", "baseUrl", "https://p.example.com/v1",
                "website", "https://p.example.com", "extraHeaders", Map.of("x-team", "a", "x-env", "prod")))
                .when().post("/admin/v1/providers").then().statusCode(201);
        admin().body("{\"displayName\":\"After\",\"website\":null,\"extraHeaders\":{\"x-env\":null}}")
                .when().patch("/admin/v1/providers/" + id)
                .then().statusCode(200)
                .body("displayName", equalTo("After"))
                .body("website", nullValue())
                .body("extraHeaders", equalTo(Map.of("x-team", "a")))
                .body("baseUrl", equalTo("https://p.example.com/v1"))
                .body("version", equalTo(2));
        admin().body("{}").when().patch("/admin/v1/providers/" + id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void shouldChangeNothingWhenPatchIsInvalid() {
        String id = uniqueId("bad-patch");
        create(id, "https://q.example.com/v1");
        admin().body("{\"displayName\":\"New\",\"baseUrl\":\"http://q.example.com\"}")
                .when().patch("/admin/v1/providers/" + id)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/baseUrl"));
        admin().body("{\"surfaces\":\"openai/chat-completions\"}").when().patch("/admin/v1/providers/" + id)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/surfaces"));
        admin().when().get("/admin/v1/providers/" + id).then()
                .body("displayName", equalTo("My vLLM")).body("version", equalTo(1));
    }

    @Test
    void shouldLetOperatorPatchBuiltInBaseUrlButNotItsOtherFields() {
        admin().body("{\"baseUrl\":\"https://eu.api.together.xyz/v1\",\"extraHeaders\":{\"x-region\":\"eu\"}}")
                .when().patch("/admin/v1/providers/together")
                .then().statusCode(200).body("baseUrl", equalTo("https://eu.api.together.xyz/v1"))
                .body("builtIn", equalTo(true));
        admin().body("{\"authScheme\":\"api-key\"}").when().patch("/admin/v1/providers/together")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/authScheme"));
    }

    @Test
    void shouldKeepOperatorsChangeWhenSeedRunsAgain() throws Exception {
        admin().body("{\"baseUrl\":\"https://proxy.example.com/fireworks/v1\"}")
                .when().patch("/admin/v1/providers/fireworks").then().statusCode(200);
        String seed;
        try (var in = getClass().getResourceAsStream("/db/migration/R__1_builtin_providers.sql")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(seed);
        }
        admin().when().get("/admin/v1/providers/fireworks").then()
                .body("baseUrl", equalTo("https://proxy.example.com/fireworks/v1"));
    }

    @Test
    void shouldDeleteCustomProviderWith204() {
        String id = uniqueId("del");
        create(id, "https://d.example.com/v1");
        admin().when().delete("/admin/v1/providers/" + id).then().statusCode(204);
        admin().when().get("/admin/v1/providers/" + id).then().statusCode(404)
                .body("type", equalTo("https://aigw.dev/problems/not-found"));
        admin().when().delete("/admin/v1/providers/" + id).then().statusCode(404);
    }

    @Test
    void shouldReturn409WhenDeletingBuiltInOrReferencedProvider() {
        admin().when().delete("/admin/v1/providers/openai").then().statusCode(409);
        String id = uniqueId("ref");
        create(id, "https://r.example.com/v1");
        admin().body(Map.of("providerId", id, "modelId", "m1")).when().post("/admin/v1/models").then().statusCode(201);
        admin().when().delete("/admin/v1/providers/" + id).then().statusCode(409)
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"));
        admin().when().get("/admin/v1/providers/" + id).then().statusCode(200);
    }

    @Test
    void shouldPaginateProvidersWithOpaqueCursor() {
        var first = admin().queryParam("limit", 3).when().get("/admin/v1/providers")
                .then().statusCode(200).body("data", hasSize(3)).body("nextCursor", notNullValue())
                .extract().jsonPath();
        admin().queryParam("limit", 3).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/admin/v1/providers")
                .then().statusCode(200).body("data", hasSize(3))
                .body("data[0].id", greaterThan(first.getString("data[2].id")));
        admin().queryParam("limit", 0).when().get("/admin/v1/providers").then().statusCode(400);
        admin().queryParam("limit", 101).when().get("/admin/v1/providers").then().statusCode(400);
    }
}
