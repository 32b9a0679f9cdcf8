package io.aigw.config.configuration;

import static io.aigw.config.support.Admin.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.config.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConfigurationCrudTest {

    private static String or;
    private static String anth;
    private static String orKey;
    private static String orBackup;

    private final TestCatalog catalog;

    ConfigurationCrudTest(TestCatalog catalog) {
        this.catalog = catalog;
    }

    @BeforeEach
    void seedOnce() {
        if (or != null) {
            return;
        }
        or = TestCatalog.uniqueId("or");
        anth = TestCatalog.uniqueId("anth");
        catalog.provider(or, true);
        catalog.provider(anth, false);
        catalog.model(anth, "claude-sonnet-4-5", false);
        orKey = catalog.providerKey(or);
        orBackup = catalog.providerKey(or);
    }

    private String body(String name) {
        return """
                {"name":"%s","description":"BYOK with a backup key","metadata":{"team":"search"},
                 "access":{"providers":{"allow":["%s","%s"]}},
                 "router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s","%s"]}]}]},
                 "limits":{"requestsPerMinute":600,"tokensPerMinute":200000,"monthlyBudgetUsd":250.10}}
                """.formatted(name, or, anth, or, orKey, orBackup);
    }

    private Response create(String name) {
        return admin().body(body(name)).when().post("/admin/v1/configurations");
    }

    @Test
    void shouldCreateConfigurationWith201LocationAndETag() {
        String name = TestCatalog.uniqueId("create");
        Response created = create(name);
        created.then().statusCode(201)
                .header("Location", containsString("/admin/v1/configurations/cfg_"))
                .header("ETag", equalTo("\"1\""))
                .body("id", matchesPattern("cfg_[a-z2-7]{16}"))
                .body("name", equalTo(name))
                .body("version", equalTo(1))
                .body("accessKeyCount", equalTo(0))
                .body("access.providers.allow", equalTo(List.of(or, anth)))
                .body("access.models", nullValue())
                .body("router.rules[0].steps[0].keys", equalTo(List.of(orKey, orBackup)))
                .body("limits.monthlyBudgetUsd", equalTo(250.10f))
                .body("createdAt", notNullValue());
        String id = created.path("id");
        admin().when().get(created.header("Location").replaceFirst("^https?://[^/]+", ""))
                .then().statusCode(200).body("id", equalTo(id)).body("metadata.team", equalTo("search"))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void shouldReturn404ProblemWhenConfigurationMissing() {
        admin().when().get("/admin/v1/configurations/cfg_aaaaaaaaaaaaaaaa")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void shouldReturn409WhenNameIsTaken() {
        String name = TestCatalog.uniqueId("dup");
        create(name).then().statusCode(201);
        create(name).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/conflict"))
                .body("errors[0].pointer", equalTo("/name"));
        admin().queryParam("name", name).when().get("/admin/v1/configurations")
                .then().statusCode(200).body("data", hasSize(1));
    }

    @Test
    void shouldPageThroughConfigurationsFilteredByName() {
        String prefix = TestCatalog.uniqueId("page");
        for (int i = 0; i < 5; i++) {
            create(prefix + "-" + i).then().statusCode(201);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin().queryParam("limit", 2).queryParam("name", prefix.toUpperCase());
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/admin/v1/configurations");
            page.then().statusCode(200);
            names.addAll(page.path("data.name"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(List.of(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4"), names);
        assertEquals(3, pages);
    }

    @Test
    void shouldRejectLimitOutsideOneToHundred() {
        admin().queryParam("limit", 101).when().get("/admin/v1/configurations")
                .then().statusCode(400).body("errors[0].parameter", equalTo("limit"));
        admin().queryParam("cursor", "%%%").when().get("/admin/v1/configurations")
                .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void shouldKeepAbsentFieldsClearNullOnesAndReplaceNestedObjectsWholeOnPatch() {
        String id = create(TestCatalog.uniqueId("patch")).path("id");
        admin().body("""
                {"description":null,"access":{"models":{"allow":["%s:claude-sonnet-4-5"]}},"limits":{"requestsPerMinute":5}}
                """.formatted(anth))
                .when().patch("/admin/v1/configurations/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("description", nullValue())
                .body("metadata.team", equalTo("search"))
                .body("access.providers", nullValue())
                .body("access.models.allow", equalTo(List.of(anth + ":claude-sonnet-4-5")))
                .body("router.rules[0].provider", equalTo(or))
                .body("limits.requestsPerMinute", equalTo(5))
                .body("limits.tokensPerMinute", nullValue())
                .body("limits.monthlyBudgetUsd", nullValue());
        admin().when().get("/admin/v1/configurations/" + id)
                .then().statusCode(200).body("version", equalTo(2)).body("description", nullValue());
    }

    @Test
    void shouldRejectPatchThatClearsTheName() {
        String id = create(TestCatalog.uniqueId("noname")).path("id");
        admin().body("{\"name\":null}").when().patch("/admin/v1/configurations/" + id)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/name"));
        admin().when().get("/admin/v1/configurations/" + id).then().body("version", equalTo(1));
    }

    @Test
    void shouldReturn412WhenIfMatchIsStale() {
        String id = create(TestCatalog.uniqueId("stale")).path("id");
        admin().header("If-Match", "\"1\"").body("{\"description\":\"first\"}")
                .when().patch("/admin/v1/configurations/" + id).then().statusCode(200).header("ETag", "\"2\"");
        admin().header("If-Match", "\"1\"").body("{\"description\":\"second\"}")
                .when().patch("/admin/v1/configurations/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/precondition-failed"));
        admin().header("If-Match", "\"1\"").when().delete("/admin/v1/configurations/" + id)
                .then().statusCode(412);
        admin().when().get("/admin/v1/configurations/" + id)
                .then().body("description", equalTo("first")).body("version", equalTo(2));
    }

    @Test
    void shouldDeleteWithMatchingIfMatchAndThenAnswer404() {
        String id = create(TestCatalog.uniqueId("delete")).path("id");
        admin().header("If-Match", "\"1\"").when().delete("/admin/v1/configurations/" + id).then().statusCode(204);
        admin().when().get("/admin/v1/configurations/" + id).then().statusCode(404);
        admin().when().delete("/admin/v1/configurations/" + id).then().statusCode(404);
    }

    @Test
    void shouldRefuseDeleteWhileAnAccessKeyUsesTheConfiguration() {
        String id = create(TestCatalog.uniqueId("used")).path("id");
        String accessKey = "ak_" + TestCatalog.uniqueId("k").replace("-", "");
        catalog.accessKey(accessKey, id, 1, false);
        admin().when().get("/admin/v1/configurations/" + id).then().body("accessKeyCount", equalTo(1));
        admin().when().delete("/admin/v1/configurations/" + id)
                .then().statusCode(409).body("type", equalTo("https://aigw.dev/problems/still-referenced"));
        catalog.accessKey(accessKey, id, 2, true);
        admin().when().get("/admin/v1/configurations/" + id).then().body("accessKeyCount", equalTo(0));
        admin().when().delete("/admin/v1/configurations/" + id).then().statusCode(204);
    }
}
