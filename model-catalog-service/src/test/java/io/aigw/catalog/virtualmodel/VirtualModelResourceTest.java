package io.aigw.catalog.virtualmodel;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.service;
import static io.aigw.catalog.Admin.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.catalog.outbox.CatalogTopic;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VirtualModelResourceTest {

    static void create(String name, List<String> targets) {
        admin().body(Map.of("name", name, "targets", targets)).when().post("/admin/v1/virtual-models")
                .then().statusCode(201);
    }

    static io.restassured.response.ValidatableResponse post(String name, List<String> targets) {
        return admin().body(Map.of("name", name, "targets", targets)).when().post("/admin/v1/virtual-models").then();
    }

    @Test
    void shouldCreateReadAndListAVirtualModelWithItsTargetsInOrder() {
        String name = uniqueId("chat-default");
        admin().body(Map.of("name", name, "description", "default chat", "targets",
                        List.of("openai:gpt-4o-mini", "anthropic:claude-sonnet-4-5", "gpt-4o")))
                .when().post("/admin/v1/virtual-models")
                .then().statusCode(201)
                .header("Location", endsWith("/admin/v1/virtual-models/" + name))
                .header("ETag", equalTo("\"1\""))
                .body("targets", contains("openai:gpt-4o-mini", "anthropic:claude-sonnet-4-5", "gpt-4o"))
                .body("version", equalTo(1));
        admin().when().get("/admin/v1/virtual-models/" + name.toUpperCase()).then().statusCode(200)
                .body("name", equalTo(name)).body("description", equalTo("default chat"));
        admin().queryParam("limit", 100).when().get("/admin/v1/virtual-models").then().statusCode(200)
                .body("data.name", hasItem(name));
    }

    @Test
    void shouldStoreProviderQualifiedTargetsInTheCatalogsSpelling() {
        String name = uniqueId("vm");
        post(name, List.of("OpenAI:GPT-4o-mini", "openai:my-pass-through")).statusCode(201)
                .body("targets", contains("openai:gpt-4o-mini", "openai:my-pass-through"));
    }

    @Test
    void shouldRefuseANameOutsideTheGrammarNamingTheField() {
        post("chat default!", List.of("openai:gpt-4o")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/name"));
        post("a:b", List.of("openai:gpt-4o")).statusCode(400).body("errors[0].pointer", equalTo("/name"));
        post("slash/name", List.of("openai:gpt-4o")).statusCode(400).body("errors[0].pointer", equalTo("/name"));
    }

    @Test
    void shouldRefuseANameThatShadowsACatalogModelOrAProvider() {
        post("GPT-4o", List.of("openai:gpt-4o-mini")).statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/name"))
                .body("detail", containsString("openai:gpt-4o"));
        post("gpt-4o-latest", List.of("openai:gpt-4o-mini")).statusCode(409).body("errors[0].pointer", equalTo("/name"));
        post("openrouter", List.of("openai:gpt-4o-mini")).statusCode(409)
                .body("errors[0].pointer", equalTo("/name")).body("detail", containsString("provider"));
    }

    @Test
    void shouldRefuseATargetThatIsAnotherVirtualModelOrItself() {
        String inner = uniqueId("inner");
        create(inner, List.of("openai:gpt-4o-mini"));
        String outer = uniqueId("outer");
        post(outer, List.of("openai:gpt-4o", inner.toUpperCase())).statusCode(400)
                .body("errors[0].pointer", equalTo("/targets/1"))
                .body("errors[0].detail", containsString("virtual model"));
        post(outer, List.of(outer)).statusCode(400).body("errors[0].pointer", equalTo("/targets/0"));
    }

    @Test
    void shouldRefuseADuplicateTargetAfterResolution() {
        post(uniqueId("dup"), List.of("openai:gpt-4o", "anthropic:claude-haiku-4-5", "OPENAI:gpt-4o")).statusCode(400)
                .body("errors[0].pointer", equalTo("/targets/2"))
                .body("errors[0].detail", containsString("twice"));
    }

    @Test
    void shouldRefuseUnknownTargetsNamingEachOne() {
        String closed = uniqueId("closed");
        admin().body(Map.of("id", closed, "baseUrl", "https://closed.example.com/v1", "allowPassThroughModels", false))
                .when().post("/admin/v1/providers").then().statusCode(201);
        post(uniqueId("bad"), List.of("no-such-model", "nosuchprovider:x", closed + ":x", "openai:")).statusCode(400)
                .body("errors.pointer", contains("/targets/0", "/targets/1", "/targets/2", "/targets/3"));
        post(uniqueId("empty"), List.of()).statusCode(400).body("errors[0].pointer", equalTo("/targets"));
    }

    @Test
    void shouldRefuseASecondVirtualModelWithTheSameNameInAnyCase() {
        String name = uniqueId("twin");
        create(name, List.of("openai:gpt-4o"));
        post(name.toUpperCase(), List.of("openai:gpt-4o")).statusCode(409).body("errors[0].pointer", equalTo("/name"));
    }

    @Test
    void shouldRefuseAProviderOrModelThatWouldTakeAVirtualModelsName() {
        String name = uniqueId("taken");
        create(name, List.of("openai:gpt-4o"));
        admin().body(Map.of("id", name, "baseUrl", "https://t.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(409).body("errors[0].pointer", equalTo("/id"));
        admin().body(Map.of("providerId", "openai", "modelId", name.toUpperCase())).when().post("/admin/v1/models")
                .then().statusCode(409).body("errors[0].pointer", equalTo("/modelId"));
    }

    @Test
    void shouldRefuseDeletingAModelOrProviderThatAVirtualModelTargets() {
        String provider = uniqueId("vmp");
        admin().body(Map.of("id", provider, "baseUrl", "https://vmp.example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
        admin().body(Map.of("providerId", provider, "modelId", "m1")).when().post("/admin/v1/models").then().statusCode(201);
        String name = uniqueId("ref");
        create(name, List.of(provider + ":m1"));
        admin().when().delete("/admin/v1/models/" + provider + "/m1").then().statusCode(409)
                .body("type", endsWith("still-referenced")).body("detail", containsString(name));
        admin().when().delete("/admin/v1/providers/" + provider).then().statusCode(409);
        admin().when().delete("/admin/v1/virtual-models/" + name).then().statusCode(204);
        admin().when().delete("/admin/v1/models/" + provider + "/m1").then().statusCode(204);
    }

    @Test
    void shouldPatchTargetsWithIfMatchAndRefuseRenaming() {
        String name = uniqueId("patch");
        create(name, List.of("openai:gpt-4o"));
        admin().header("If-Match", "\"1\"").body("{\"targets\":[\"anthropic:claude-haiku-4-5\",\"openai:gpt-4o\"]}")
                .when().patch("/admin/v1/virtual-models/" + name)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("targets", contains("anthropic:claude-haiku-4-5", "openai:gpt-4o"));
        admin().header("If-Match", "\"1\"").body("{\"description\":\"x\"}").when().patch("/admin/v1/virtual-models/" + name)
                .then().statusCode(412);
        admin().body("{\"name\":\"other\"}").when().patch("/admin/v1/virtual-models/" + name)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        admin().body("{\"targets\":[\"" + name + "\"]}").when().patch("/admin/v1/virtual-models/" + name)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/targets/0"));
    }

    @Test
    void shouldPublishCreatedUpdatedDeletedEventsAndServeTheSnapshot() {
        try (CatalogTopic topic = new CatalogTopic()) {
            String name = uniqueId("evt");
            create(name, List.of("openai:gpt-4o"));
            service().when().get("/internal/v1/catalog-snapshot").then().statusCode(200)
                    .body("virtualModels.find { it.name == '" + name + "' }.targets", contains("openai:gpt-4o"));
            admin().body("{\"targets\":[\"openai:gpt-4o-mini\"]}").when().patch("/admin/v1/virtual-models/" + name)
                    .then().statusCode(200);
            admin().when().delete("/admin/v1/virtual-models/" + name).then().statusCode(204);
            List<ConsumerRecord<String, String>> records = topic.recordsFor("virtual-model:" + name,
                    Duration.ofSeconds(10), 3);
            assertEquals(List.of("created:1", "updated:2", "deleted:3"), records.stream().map(CatalogTopic::json)
                    .map(e -> e.get("type").asText() + ":" + e.get("version").asLong()).toList());
            JsonNode updated = CatalogTopic.json(records.get(1));
            assertEquals("virtual-model", updated.get("kind").asText());
            assertEquals("openai:gpt-4o-mini", updated.get("data").get("targets").get(0).asText());
            assertEquals(true, CatalogTopic.json(records.get(2)).get("data").isNull());
        }
    }

    @Test
    void shouldAnswerTheInternalLookUpWithTheServiceTokenOnly() {
        String name = uniqueId("Looked-Up");
        create(name, List.of("openai:gpt-4o"));
        service().when().get("/internal/v1/virtual-models/" + name.toLowerCase()).then().statusCode(200)
                .body("name", equalTo(name)).body("targets", contains("openai:gpt-4o"));
        service().when().get("/internal/v1/virtual-models/" + uniqueId("never")).then().statusCode(404);
        admin().when().get("/internal/v1/virtual-models/" + name).then().statusCode(401);
    }
}
