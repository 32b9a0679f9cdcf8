package io.aigw.config.reference;

import static io.aigw.config.support.Admin.admin;
import static io.aigw.config.support.Admin.service;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.aigw.config.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** key-service asks here, before deleting a provider key, which configurations route through it. */
@QuarkusTest
class ReferrersTest {

    private final TestCatalog catalog;

    ReferrersTest(TestCatalog catalog) {
        this.catalog = catalog;
    }

    @Test
    void shouldNameTheConfigurationsThatRouteThroughAProviderKey() {
        String provider = TestCatalog.uniqueId("ref");
        catalog.provider(provider, true);
        String key = catalog.providerKey(provider);
        String id = admin().body("""
                {"name":"%s","router":{"rules":[{"provider":"%s","steps":[{"type":"keys","keys":["%s"]}]}]}}
                """.formatted(TestCatalog.uniqueId("uses"), provider, key)).post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        service().get("/internal/v1/configuration-referrers?providerKey=" + key).then().statusCode(200)
                .body("data", hasItem(id));
        service().get("/internal/v1/configuration-referrers?providerKey=pk_nobody").then().statusCode(200)
                .body("data.size()", equalTo(0));
        admin().get("/internal/v1/configuration-referrers?providerKey=" + key).then().statusCode(401);
        admin().delete("/admin/v1/configurations/" + id).then().statusCode(204);
        service().get("/internal/v1/configuration-referrers?providerKey=" + key).then().statusCode(200)
                .body("data", not(hasItem(id)));
    }

    @Test
    void shouldRefuseToDeleteAConfigurationThatKeyServiceSaysAnAccessKeyIsBoundTo() {
        String id = admin().body("{\"name\":\"" + TestCatalog.uniqueId("bound") + "\"}").post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        io.aigw.config.support.TestOwners.addPath("/internal/v1/access-key-referrers?configurationId=" + id,
                new io.vertx.core.json.JsonObject().put("data", new io.vertx.core.json.JsonArray().add("ak_racing")));
        admin().delete("/admin/v1/configurations/" + id).then().statusCode(409)
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", org.hamcrest.Matchers.containsString("ak_racing"));
        service().get("/internal/v1/configurations/" + id + "?lock=share").then().statusCode(200).body("id", equalTo(id));
    }
}
