package io.aigw.catalog.importer;

import static io.aigw.catalog.Admin.admin;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigw.catalog.outbox.CatalogTopic;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelImportTest {

    static final String IMPORT = "/admin/v1/providers/openrouter/models:import";

    @Inject
    ObjectMapper mapper;

    ObjectNode sample() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/openrouter/models.json")) {
            return (ObjectNode) mapper.readTree(in);
        }
    }

    @Test
    void shouldImportSampleExactlyAndIdempotentlyKeepingOperatorChanges() throws Exception {
        ObjectNode doc = sample();
        int total = doc.get("data").size();
        try (CatalogTopic topic = new CatalogTopic()) {
            admin().body(doc.toString()).when().post(IMPORT).then().statusCode(200)
                    .body("total", equalTo(total)).body("created", equalTo(total))
                    .body("updated", equalTo(0)).body("unchanged", equalTo(0));

            admin().when().get("/admin/v1/models/openrouter/openai/gpt-4o").then().statusCode(200)
                    .body("pricing.inputPerMTok", equalTo(2.5f)).body("pricing.outputPerMTok", equalTo(10))
                    .body("pricing.cachedInputPerMTok", equalTo(1.25f)).body("pricing.perRequest", equalTo(0))
                    .body("contextLength", equalTo(128000)).body("maxOutputTokens", equalTo(16384))
                    .body("inputModalities", contains("text", "image", "file")).body("displayName", equalTo("Openai: GPT-4o"));
            String gemma = admin().when().get("/admin/v1/models/openrouter/google/gemma-3-4b-it").then().statusCode(200)
                    .extract().asString();
            org.hamcrest.MatcherAssert.assertThat(gemma, containsString("\"inputPerMTok\":0.017,"));
            admin().when().get("/admin/v1/models/openrouter/google/gemma-3-27b-it:free").then().statusCode(200)
                    .body("pricing.inputPerMTok", equalTo(0)).body("bareId", equalTo(false));
            admin().when().get("/admin/v1/models/openrouter/openrouter/auto").then().statusCode(200)
                    .body("pricing.inputPerMTok", nullValue());
            admin().when().get("/admin/v1/models/openrouter/anthropic/claude-sonnet-4.5").then()
                    .body("pricing.cacheWritePerMTok", equalTo(3.75f));

            admin().body("{\"status\":\"deprecated\"}").when()
                    .patch("/admin/v1/models/openrouter/meta-llama/llama-3.1-8b-instruct").then().statusCode(200);
            admin().body(doc.toString()).when().post(IMPORT).then().statusCode(200)
                    .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(total));
            admin().when().get("/admin/v1/models/openrouter/meta-llama/llama-3.1-8b-instruct").then()
                    .body("status", equalTo("deprecated"));

            ((ObjectNode) doc.get("data").get(5).get("pricing")).put("prompt", "0.000002");
            admin().body(doc.toString()).when().post(IMPORT).then().statusCode(200)
                    .body("updated", equalTo(1)).body("unchanged", equalTo(total - 1));

            var events = topic.recordsFor("model:openrouter:openai/gpt-4o", Duration.ofSeconds(15), 2);
            assertEquals("created:1,updated:2", String.join(",", events.stream().map(CatalogTopic::json)
                    .map(e -> e.get("type").asText() + ":" + e.get("version").asText()).toList()));
            assertEquals("2", CatalogTopic.json(events.get(1)).get("data").get("pricing").get("inputPerMTok").asText());
            assertEquals(1, topic.recordsFor("model:openrouter:google/gemma-3-27b-it:free", Duration.ofSeconds(5), 1).size());
        }
        admin().queryParam("provider", "openrouter").queryParam("q", ":free").queryParam("limit", 100)
                .when().get("/admin/v1/models").then().body("data.size()", greaterThan(50));
    }

    @Test
    void shouldRefuseABadDocumentAndStoreNothing() {
        admin().body("{\"data\":[{\"id\":\"ok/first\",\"pricing\":{\"prompt\":\"0.000001\"}},"
                        + "{\"id\":\"bad/price\",\"pricing\":{\"prompt\":\"cheap\"}}]}")
                .when().post(IMPORT).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/data/1/pricing/prompt"));
        admin().when().get("/admin/v1/models/openrouter/ok/first").then().statusCode(404);
        admin().body("{\"data\":[{\"id\":\"has space\"}]}").when().post(IMPORT).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/data/0"));
        admin().body("{\"models\":[]}").when().post(IMPORT).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/data"));
        admin().body("{\"data\":[{\"id\":\"a/b\"},{\"id\":\"a/b\"}]}").when().post(IMPORT).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/data/1/id"));
        admin().body("{\"data\":[]}").when().post("/admin/v1/providers/no-such/models:import").then().statusCode(404);
        admin().body("{\"data\":[").when().post(IMPORT).then().statusCode(400)
                .body("type", equalTo("https://aigw.dev/problems/malformed-json"));
    }
}
