package io.aigw.keys.concurrency;

import static io.aigw.keys.support.TestTokens.admin;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.keys.support.TestOwners;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider or configuration created a moment ago, not yet in the projections, is asked of its owner: the write
 * succeeds; an owner that cannot answer makes it a 503, never "unknown".
 */
@QuarkusTest
class ReadYourWritesTest {

    @AfterEach
    void ownersUp() {
        TestOwners.down(false);
    }

    @Test
    void shouldAcceptAProviderKeyForAProviderTheCatalogHasButTheProjectionHasNotSeen() {
        String provider = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        TestOwners.add("providers", provider, new JsonObject().put("id", provider).put("status", "active"));
        admin().body("{\"providerId\":\"" + provider + "\",\"name\":\"fresh\",\"value\":\"sk-fresh-aaaaaaaaaaaaaaaaaaaaaa\"}")
                .post("/admin/v1/provider-keys").then().statusCode(201).body("providerId", equalTo(provider));
    }

    @Test
    void shouldAcceptAnAccessKeyForAConfigurationConfigServiceHasButTheProjectionHasNotSeen() {
        String configuration = "cfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        TestOwners.add("configurations", configuration, new JsonObject().put("id", configuration));
        admin().body("{\"name\":\"fresh\",\"configurationId\":\"" + configuration + "\"}")
                .post("/admin/v1/access-keys").then().statusCode(201).body("configurationId", equalTo(configuration));
    }

    @Test
    void shouldAnswer400ForAProviderNobodyKnowsAnd503WhenTheOwnerCannotBeAsked() {
        admin().body("{\"providerId\":\"nobody-knows\",\"name\":\"x\",\"value\":\"sk-none-aaaaaaaaaaaaaaaaaaaaaaa\"}")
                .post("/admin/v1/provider-keys").then().statusCode(400).body("errors[0].pointer", equalTo("/providerId"));
        TestOwners.down(true);
        admin().body("{\"providerId\":\"nobody-knows\",\"name\":\"x\",\"value\":\"sk-none-aaaaaaaaaaaaaaaaaaaaaaa\"}")
                .post("/admin/v1/provider-keys").then().statusCode(503).header("Retry-After", equalTo("5"))
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseToDeleteAProviderKeyThatConfigServiceSaysIsReferencedEvenIfTheProjectionHasNotSeenIt() {
        String id = admin().body("{\"providerId\":\"" + io.aigw.keys.support.TestCatalog.provider("openai")
                        + "\",\"name\":\"guarded\",\"value\":\"sk-proj-dddddddddddddddddddddddd4444\"}")
                .post("/admin/v1/provider-keys").then().statusCode(201).extract().path("id");
        TestOwners.addPath("/internal/v1/configuration-referrers?providerKey=" + id,
                new JsonObject().put("data", new io.vertx.core.json.JsonArray().add("cfg_racing")));
        admin().delete("/admin/v1/provider-keys/" + id).then().statusCode(409)
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", org.hamcrest.Matchers.containsString("cfg_racing"));
        admin().get("/admin/v1/provider-keys/" + id).then().statusCode(200);
        io.aigw.keys.support.TestTokens.service().get("/internal/v1/provider-keys/" + id + "?lock=share")
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldNameTheAccessKeysBoundToAConfigurationForConfigServicesDelete() {
        String configuration = "cfg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        TestOwners.add("configurations", configuration, new JsonObject().put("id", configuration));
        String id = admin().body("{\"name\":\"bound\",\"configurationId\":\"" + configuration + "\"}")
                .post("/admin/v1/access-keys").then().statusCode(201).extract().path("id");
        io.aigw.keys.support.TestTokens.service()
                .get("/internal/v1/access-key-referrers?configurationId=" + configuration).then().statusCode(200)
                .body("data", org.hamcrest.Matchers.hasItem(id));
        admin().get("/internal/v1/access-key-referrers?configurationId=" + configuration).then().statusCode(401);
    }
}
