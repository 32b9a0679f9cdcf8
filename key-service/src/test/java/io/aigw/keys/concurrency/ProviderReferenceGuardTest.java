package io.aigw.keys.concurrency;

import static io.aigw.keys.support.TestTokens.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.aigw.keys.support.TestCatalog;
import io.aigw.keys.support.TestOwners;
import io.aigw.keys.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A provider key and the delete of its catalog provider never both win (the protocol is in the kit's
 * {@code ReferenceGuards}): a create asks the catalog with {@code ?lock=share} even when the projection knows the
 * provider, stores nothing when the catalog says the provider is being deleted (409) or cannot answer (503), and the
 * catalog's delete learns the provider's keys from {@code /internal/v1/provider-key-referrers}.
 */
@QuarkusTest
class ProviderReferenceGuardTest {

    private static final String VALUE = "sk-guard-aaaaaaaaaaaaaaaaaaaaaaaa";

    @AfterEach
    void ownersUp() {
        TestOwners.down(false);
    }

    @Test
    void shouldStoreNoKeyWhileTheCatalogIsDeletingTheProviderEvenIfTheProjectionStillHasIt() {
        String provider = TestCatalog.provider("deleting-" + UUID.randomUUID().toString().substring(0, 8));
        TestOwners.busy("providers", provider, true);
        try {
            admin().body(body(provider)).post("/admin/v1/provider-keys").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString(provider));
        } finally {
            TestOwners.busy("providers", provider, false);
        }
        admin().queryParam("providerId", provider).get("/admin/v1/provider-keys").then().statusCode(200)
                .body("data", empty());
        admin().body(body(provider)).post("/admin/v1/provider-keys").then().statusCode(201)
                .body("providerId", equalTo(provider));
    }

    @Test
    void shouldAnswer503AndStoreNothingWhenTheCatalogCannotConfirmAProviderTheProjectionKnows() {
        String provider = TestCatalog.provider("unconfirmed-" + UUID.randomUUID().toString().substring(0, 8));
        TestOwners.down(true);
        admin().body(body(provider)).post("/admin/v1/provider-keys").then().statusCode(503)
                .header("Retry-After", equalTo("5"));
        TestOwners.down(false);
        admin().queryParam("providerId", provider).get("/admin/v1/provider-keys").then().statusCode(200)
                .body("data", empty());
    }

    @Test
    void shouldNameAProvidersKeysForTheCatalogsDelete() {
        String provider = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        TestOwners.add("providers", provider, new JsonObject().put("id", provider).put("status", "active"));
        String id = admin().body(body(provider)).post("/admin/v1/provider-keys").then().statusCode(201)
                .extract().path("id");
        TestTokens.service().get("/internal/v1/provider-key-referrers?providerId=" + provider).then().statusCode(200)
                .body("data", hasItem(id));
        TestTokens.service().get("/internal/v1/provider-key-referrers?providerId=nobody-" + provider).then()
                .statusCode(200).body("data", empty());
        TestTokens.service().get("/internal/v1/provider-key-referrers").then().statusCode(400)
                .body("errors[0].parameter", equalTo("providerId"));
        admin().get("/internal/v1/provider-key-referrers?providerId=" + provider).then().statusCode(401);
    }

    private static String body(String provider) {
        return "{\"providerId\":\"" + provider + "\",\"name\":\"guard\",\"value\":\"" + VALUE + "\"}";
    }
}
