package io.aigw.config.reference;

import static io.aigw.config.support.Admin.admin;
import static io.aigw.config.support.Admin.service;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.aigw.config.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * key-service asks here, before deleting a provider key, which configurations route through it; the catalog, before
 * deleting a virtual model, a provider or a model, which configurations name it. A configuration naming one the
 * catalog is deleting (its {@code ?lock=share} look-up answers 409) is not stored; for a catalog model that holds for
 * every {@code provider:model} entry, listed in the projection or not.
 */
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

    @Test
    void shouldNameTheConfigurationsWhoseAccessScopeNamesAVirtualModelInAnyCase() {
        String virtual = TestCatalog.uniqueId("Ref-Virtual");
        catalog.virtualModel(virtual, 1, "openai:gpt-4o");
        String id = admin().body("""
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """.formatted(TestCatalog.uniqueId("names"), virtual.toLowerCase())).post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        service().get("/internal/v1/configuration-referrers?virtualModel=" + virtual.toUpperCase()).then()
                .statusCode(200).body("data", hasItem(id));
        service().get("/internal/v1/configuration-referrers?virtualModel=nobody-" + virtual).then().statusCode(200)
                .body("data.size()", equalTo(0));
        service().get("/internal/v1/configuration-referrers").then().statusCode(400);
        service().get("/internal/v1/configuration-referrers?virtualModel=" + virtual + "&providerKey=pk_x").then()
                .statusCode(400);
        admin().delete("/admin/v1/configurations/" + id).then().statusCode(204);
        service().get("/internal/v1/configuration-referrers?virtualModel=" + virtual).then().statusCode(200)
                .body("data", not(hasItem(id)));
    }

    @Test
    void shouldStoreNoConfigurationNamingAVirtualModelWhileTheCatalogIsDeletingIt() {
        String virtual = TestCatalog.uniqueId("Being-Deleted");
        catalog.virtualModel(virtual, 1, "openai:gpt-4o");
        String name = TestCatalog.uniqueId("racing");
        String body = """
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """.formatted(name, virtual);
        io.aigw.config.support.TestOwners.busy("virtual-models", virtual.toLowerCase(), true);
        try {
            admin().body(body).post("/admin/v1/configurations").then().statusCode(409)
                    .contentType("application/problem+json");
        } finally {
            io.aigw.config.support.TestOwners.busy("virtual-models", virtual.toLowerCase(), false);
        }
        admin().queryParam("name", name).get("/admin/v1/configurations").then().statusCode(200)
                .body("data.size()", equalTo(0));
        admin().body(body).post("/admin/v1/configurations").then().statusCode(201);
    }

    @Test
    void shouldAnswer503WhenTheCatalogCannotConfirmAVirtualModelTheProjectionKnows() {
        String virtual = TestCatalog.uniqueId("Just-Gone");
        catalog.virtualModel(virtual, 1, "openai:gpt-4o");
        io.aigw.config.support.TestOwners.down(true);
        try {
            admin().body("""
                    {"name":"%s","access":{"models":{"allow":["%s"]}}}
                    """.formatted(TestCatalog.uniqueId("unconfirmed"), virtual)).post("/admin/v1/configurations")
                    .then().statusCode(503);
        } finally {
            io.aigw.config.support.TestOwners.down(false);
        }
    }

    @Test
    void shouldNameTheConfigurationsThatNameAProviderAnywhere() {
        String provider = TestCatalog.uniqueId("named");
        catalog.provider(provider, true);
        String scoped = admin().body("""
                {"name":"%s","access":{"providers":{"allow":["%s"]}}}
                """.formatted(TestCatalog.uniqueId("scoped"), provider)).post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        String modelled = admin().body("""
                {"name":"%s","access":{"models":{"allow":["%s:some-model"]}}}
                """.formatted(TestCatalog.uniqueId("modelled"), provider)).post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        service().get("/internal/v1/configuration-referrers?provider=" + provider).then().statusCode(200)
                .body("data", org.hamcrest.Matchers.hasItems(scoped, modelled));
        service().get("/internal/v1/configuration-referrers?provider=" + provider.substring(0, provider.length() - 1))
                .then().statusCode(200).body("data.size()", equalTo(0));
        service().get("/internal/v1/configuration-referrers?provider=" + provider + "&virtualModel=x").then()
                .statusCode(400);
    }

    @Test
    void shouldStoreNoConfigurationNamingAProviderWhileTheCatalogIsDeletingIt() {
        String provider = TestCatalog.uniqueId("being-deleted");
        catalog.provider(provider, true);
        String name = TestCatalog.uniqueId("racing");
        String body = """
                {"name":"%s","access":{"providers":{"allow":["%s"]}}}
                """.formatted(name, provider);
        io.aigw.config.support.TestOwners.busy("providers", provider, true);
        try {
            admin().body(body).post("/admin/v1/configurations").then().statusCode(409)
                    .contentType("application/problem+json");
        } finally {
            io.aigw.config.support.TestOwners.busy("providers", provider, false);
        }
        admin().queryParam("name", name).get("/admin/v1/configurations").then().statusCode(200)
                .body("data.size()", equalTo(0));
        admin().body(body).post("/admin/v1/configurations").then().statusCode(201);
    }

    @Test
    void shouldNameTheConfigurationsThatNameACatalogModelInTheAccessScopeARuleOrAStep() {
        String provider = TestCatalog.uniqueId("modelled");
        catalog.provider(provider, false);
        catalog.model(provider, "m-1", false);
        catalog.model(provider, "m-2", false);
        String scoped = admin().body("""
                {"name":"%s","access":{"models":{"allow":["%s:m-1"]}}}
                """.formatted(TestCatalog.uniqueId("scoped"), provider)).post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        String routed = admin().body("""
                {"name":"%s","router":{"rules":[{"model":"%s:m-2","steps":[{"type":"fallback","models":["%s:m-1"]}]}]}}
                """.formatted(TestCatalog.uniqueId("routed"), provider, provider)).post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        service().get("/internal/v1/configuration-referrers?model=" + provider + ":m-1").then().statusCode(200)
                .body("data", org.hamcrest.Matchers.hasItems(scoped, routed));
        service().get("/internal/v1/configuration-referrers?model=" + provider + ":m-2").then().statusCode(200)
                .body("data", hasItem(routed)).body("data", not(hasItem(scoped)));
        service().get("/internal/v1/configuration-referrers?model=" + provider + ":m").then().statusCode(200)
                .body("data.size()", equalTo(0));
        service().get("/internal/v1/configuration-referrers?model=" + provider + ":m-1&provider=" + provider).then()
                .statusCode(400);
    }

    @Test
    void shouldStoreNoConfigurationNamingACatalogModelWhileTheCatalogIsDeletingIt() {
        String provider = TestCatalog.uniqueId("closed");
        catalog.provider(provider, false);
        catalog.model(provider, "m-1", false);
        assertNotStoredWhileTheCatalogDeletes(provider + ":m-1");
    }

    /**
     * The race a system test found: a pass-through provider's model that the catalog created a moment ago (the
     * projection has not heard) is guarded all the same, so its delete in progress refuses the configuration.
     */
    @Test
    void shouldStoreNoConfigurationNamingAnUnprojectedModelOfAPassThroughProviderWhileTheCatalogIsDeletingIt() {
        String provider = TestCatalog.uniqueId("open");
        catalog.provider(provider, true);
        assertNotStoredWhileTheCatalogDeletes(provider + ":created-a-moment-ago");
    }

    @Test
    void shouldAcceptAModelTheCatalogCreatedAMomentAgoAndRefuseOneItDoesNotHave() {
        String provider = TestCatalog.uniqueId("fresh");
        catalog.provider(provider, false);
        String address = provider + ":m-new";
        String body = """
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """;
        admin().body(body.formatted(TestCatalog.uniqueId("unknown"), address)).post("/admin/v1/configurations")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/access/models/allow/0"));
        io.aigw.config.support.TestOwners.addPath("/internal/v1/models?address=" + address,
                new io.vertx.core.json.JsonObject().put("providerId", provider).put("modelId", "m-new"));
        admin().body(body.formatted(TestCatalog.uniqueId("fresh"), address)).post("/admin/v1/configurations")
                .then().statusCode(201);
    }

    private static void assertNotStoredWhileTheCatalogDeletes(String address) {
        String name = TestCatalog.uniqueId("racing-model");
        String body = """
                {"name":"%s","access":{"models":{"allow":["%s"]}}}
                """.formatted(name, address);
        io.aigw.config.support.TestOwners.busyPath("/internal/v1/models?address=" + address, true);
        try {
            admin().body(body).post("/admin/v1/configurations").then().statusCode(409)
                    .contentType("application/problem+json");
        } finally {
            io.aigw.config.support.TestOwners.busyPath("/internal/v1/models?address=" + address, false);
        }
        admin().queryParam("name", name).get("/admin/v1/configurations").then().statusCode(200)
                .body("data.size()", equalTo(0));
        admin().body(body).post("/admin/v1/configurations").then().statusCode(201);
    }
}
