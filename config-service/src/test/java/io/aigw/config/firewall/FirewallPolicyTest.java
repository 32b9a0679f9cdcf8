package io.aigw.config.firewall;

import static io.aigw.config.support.Admin.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigw.config.support.JsonShape;
import io.aigw.config.support.TestCatalog;
import io.aigw.config.support.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class FirewallPolicyTest {

    private static final String PATH = "/admin/v1/firewall-policies";
    private final ObjectMapper mapper = new ObjectMapper();

    public static String policy(String name) {
        return """
                {"name":"%s","description":"agents","mode":"enforce","onError":"block","rules":[
                  {"id":"no-shell","kind":"toolName","patterns":["shell.*","mcp__github__*"]},
                  {"id":"emails","kind":"pii","detectors":["email","creditCard"],"action":"redact"},
                  {"id":"passwords","kind":"regex","pattern":"(?i)password\\\\s*[:=]","targets":["user","toolResult"]},
                  {"id":"risk","kind":"decision","statement":"moves money","model":"openai:gpt-4o-mini"}]}
                """.formatted(name);
    }

    public static String create(String name) {
        return admin().body(policy(name)).when().post(PATH).then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldCreateReadListPatchAndDeleteAPolicyWithDefaultsVersionsAndETags() {
        String name = TestCatalog.uniqueId("guard");
        String id = admin().body(policy(name)).when().post(PATH).then().statusCode(201)
                .header("Location", containsString(PATH + "/fwp_"))
                .header("ETag", equalTo("\"1\""))
                .body("id", matchesPattern("fwp_[a-z2-7]{16}"))
                .body("version", equalTo(1))
                .body("rules", hasSize(4))
                .body("rules[0].tier", equalTo("hardDeny"))
                .body("rules[0].action", equalTo("block"))
                .body("rules[0].targets", equalTo(List.of("toolCall")))
                .body("rules[1].targets", equalTo(List.of("user", "system", "toolResult")))
                .body("rules[2].pattern", equalTo("(?i)password\\s*[:=]"))
                .extract().path("id");
        admin().when().get(PATH + "/" + id).then().statusCode(200).body("name", equalTo(name))
                .body("mode", equalTo("enforce")).body("onError", equalTo("block"));
        admin().when().get(PATH + "?limit=100").then().statusCode(200).body("data.id", hasItem(id));
        admin().header("If-Match", "\"1\"").body("{\"mode\":\"audit\",\"description\":null}").when().patch(PATH + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("mode", equalTo("audit"))
                .body("description", nullValue()).body("rules", hasSize(4)).body("version", equalTo(2));
        admin().header("If-Match", "\"1\"").when().delete(PATH + "/" + id).then().statusCode(412);
        admin().when().delete(PATH + "/" + id).then().statusCode(204);
        admin().when().get(PATH + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldDefaultModeOnErrorAndTierWhenAbsent() {
        admin().body("{\"name\":\"" + TestCatalog.uniqueId("bare") + "\",\"rules\":[{\"id\":\"r\",\"kind\":\"regex\",\"pattern\":\"x+\"}]}")
                .when().post(PATH).then().statusCode(201)
                .body("mode", equalTo("enforce")).body("onError", equalTo("block"))
                .body("rules[0].tier", equalTo("hardDeny")).body("rules[0].action", equalTo("block"));
    }

    @Test
    void shouldRefuseInvalidRulesNamingEveryOffendingField() {
        admin().body("""
                {"name":"%s","mode":"loud","onError":"maybe","rules":[
                  {"id":"re","kind":"regex","pattern":"(unclosed"},
                  {"id":"pii","kind":"pii","detectors":["email","dna"]},
                  {"id":"tool","kind":"toolName","patterns":["shell.*"],"action":"redact"},
                  {"id":"re","kind":"regex","pattern":"ok"},
                  {"id":"nokind"},
                  {"id":"bad id!","kind":"toolName","patterns":["a b"],"tier":"sometimes","targets":["user"]},
                  {"id":"extra","kind":"regex","pattern":"x","detectors":["email"]}]}
                """.formatted(TestCatalog.uniqueId("bad"))).when().post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem("/mode"))
                .body("errors.pointer", hasItem("/onError"))
                .body("errors.pointer", hasItem("/rules/0/pattern"))
                .body("errors.find { it.pointer == '/rules/0/pattern' }.detail", containsString("RE2"))
                .body("errors.pointer", hasItem("/rules/1/detectors/1"))
                .body("errors.pointer", hasItem("/rules/2/action"))
                .body("errors.pointer", hasItem("/rules/3/id"))
                .body("errors.pointer", hasItem("/rules/4/kind"))
                .body("errors.pointer", hasItem("/rules/5/id"))
                .body("errors.pointer", hasItem("/rules/5/patterns/0"))
                .body("errors.pointer", hasItem("/rules/5/tier"))
                .body("errors.pointer", hasItem("/rules/5/targets/0"))
                .body("errors.pointer", hasItem("/rules/6/detectors"));
    }

    @Test
    void shouldRefuseMoreThanFiftyRulesAndBackReferencesRe2CannotRunInLinearTime() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i <= FirewallPolicyParser.MAX_RULES; i++) {
            rules.append(i == 0 ? "" : ",").append("{\"id\":\"r").append(i).append("\",\"kind\":\"regex\",\"pattern\":\"a\"}");
        }
        admin().body("{\"name\":\"many\",\"rules\":[" + rules + "]}").when().post(PATH).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/rules")).body("errors[0].detail", containsString("50"));
        admin().body("{\"name\":\"backref\",\"rules\":[{\"id\":\"r\",\"kind\":\"regex\",\"pattern\":\"(a)\\\\1\"}]}")
                .when().post(PATH).then().statusCode(400).body("errors[0].pointer", equalTo("/rules/0/pattern"));
    }

    @Test
    void shouldAnswer409WhenTheNameIsTaken() {
        String name = TestCatalog.uniqueId("dup");
        create(name);
        admin().body(policy(name)).when().post(PATH).then().statusCode(409).body("errors[0].pointer", equalTo("/name"));
    }

    @Test
    void shouldLetConfigurationsReferenceOnlyExistingPoliciesAndRefuseDeletingOneInUse() {
        String id = create(TestCatalog.uniqueId("used"));
        admin().body("{\"name\":\"" + TestCatalog.uniqueId("cfg") + "\",\"firewall\":{\"policies\":[\"" + id
                        + "\",\"fwp_doesnotexist0000\"]}}").when().post("/admin/v1/configurations").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/firewall/policies/1"))
                .body("errors[0].detail", containsString("unknown firewall policy"));
        admin().body("{\"name\":\"" + TestCatalog.uniqueId("cfg") + "\",\"firewall\":{\"policies\":[\"" + id + "\",\"" + id
                        + "\"]}}").when().post("/admin/v1/configurations").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/firewall/policies/1"));
        String cfg = admin().body("{\"name\":\"" + TestCatalog.uniqueId("cfg") + "\",\"firewall\":{\"policies\":[\"" + id + "\"]}}")
                .when().post("/admin/v1/configurations").then().statusCode(201)
                .body("firewall.policies", equalTo(List.of(id))).extract().path("id");
        admin().when().delete(PATH + "/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(cfg));
        admin().body("{\"firewall\":null}").when().patch("/admin/v1/configurations/" + cfg).then().statusCode(200)
                .body("firewall", nullValue());
        admin().when().delete(PATH + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldPublishCreatedUpdatedAndDeletedEventsShapedLikeTheGoldenFixture() throws Exception {
        JsonNode fixture = mapper.readTree(Files.readString(Path.of("src/test/resources/events/config-changes.v1.json")));
        JsonNode goldenCreated = null;
        JsonNode goldenDeleted = null;
        for (JsonNode event : fixture) {
            if ("firewall-policy".equals(event.get("kind").asText())) {
                if ("created".equals(event.get("type").asText())) {
                    goldenCreated = event;
                } else {
                    goldenDeleted = event;
                }
            }
        }
        try (TestKafka.Reader reader = TestKafka.readerAtEnd("config-changes")) {
            String id = create(TestCatalog.uniqueId("events"));
            admin().body("{\"onError\":\"allow\"}").when().patch(PATH + "/" + id).then().statusCode(200);
            admin().when().delete(PATH + "/" + id).then().statusCode(204);
            List<ConsumerRecord<String, String>> events = reader.await(3, Duration.ofSeconds(10), Duration.ofMillis(1500),
                    r -> ("firewall-policy:" + id).equals(r.key()));
            assertEquals(3, events.size(), "one event per committed change");
            JsonNode created = mapper.readTree(events.get(0).value());
            JsonNode updated = mapper.readTree(events.get(1).value());
            JsonNode deleted = mapper.readTree(events.get(2).value());
            assertEquals(List.of("created", "updated", "deleted"), List.of(created.get("type").asText(),
                    updated.get("type").asText(), deleted.get("type").asText()));
            assertEquals(List.of(1L, 2L, 3L), List.of(created.get("version").asLong(), updated.get("version").asLong(),
                    deleted.get("version").asLong()));
            assertEquals("allow", updated.at("/data/onError").asText());
            JsonShape.assertSameShape(goldenCreated, created);
            JsonShape.assertSameShape(goldenDeleted, deleted);
        }
    }
}
