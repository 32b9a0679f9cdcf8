package io.aigw.catalog.concurrency;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.service;
import static io.aigw.catalog.Admin.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.aigw.catalog.support.TestOwners;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's side of the cross-service reference guard (the kit's {@code ReferenceGuards}): a provider's delete
 * asks key-service for its keys and config-service for the configurations naming it, a model's or a virtual model's
 * delete asks config-service for the configurations naming it, each
 * while holding the row; and the {@code ?lock=share} look-up a referencing write makes answers 409 while a write (a
 * delete in progress) holds the row, 200 otherwise, 404 once it is gone.
 */
@QuarkusTest
class ReferenceGuardTest {

    @Inject
    Pool pool;

    @AfterEach
    void ownersUp() {
        TestOwners.down(false);
    }

    @Test
    void shouldRefuseToDeleteAProviderThatKeyServiceSaysHasAKeyEvenIfTheProjectionHasNotSeenIt() {
        String id = provider();
        TestOwners.addPath("/internal/v1/provider-key-referrers?providerId=" + id,
                new JsonObject().put("data", new JsonArray().add("pk_racing")));
        admin().delete("/admin/v1/providers/" + id).then().statusCode(409)
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", containsString("pk_racing"));
        admin().get("/admin/v1/providers/" + id).then().statusCode(200);
    }

    @Test
    void shouldRefuseToDeleteAProviderThatConfigServiceSaysAConfigurationNames() {
        String id = provider();
        TestOwners.addPath("/internal/v1/configuration-referrers?provider=" + id,
                new JsonObject().put("data", new JsonArray().add("cfg_racing")));
        admin().delete("/admin/v1/providers/" + id).then().statusCode(409)
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", containsString("cfg_racing"));
        admin().get("/admin/v1/providers/" + id).then().statusCode(200);
    }

    @Test
    void shouldNotDeleteAProviderWhileKeyServiceCannotSayWhetherKeysUseIt() {
        String id = provider();
        TestOwners.down(true);
        admin().delete("/admin/v1/providers/" + id).then().statusCode(503);
        TestOwners.down(false);
        admin().get("/admin/v1/providers/" + id).then().statusCode(200);
        admin().delete("/admin/v1/providers/" + id).then().statusCode(204);
        service().get("/internal/v1/providers/" + id + "?lock=share").then().statusCode(404);
    }

    @Test
    void shouldAnswer409ToAReferencingLookUpWhileAWriteHoldsTheProvider() {
        String id = provider();
        service().get("/internal/v1/providers/" + id + "?lock=share").then().statusCode(200).body("id", equalTo(id));
        whileLocked("select id from provider where id = $1 for update", id, () -> {
            service().get("/internal/v1/providers/" + id + "?lock=share").then().statusCode(409);
            service().get("/internal/v1/providers/" + id).then().statusCode(200);
        });
        service().get("/internal/v1/providers/" + id + "?lock=share").then().statusCode(200);
    }

    @Test
    void shouldRefuseToDeleteAModelThatConfigServiceSaysAConfigurationNames() {
        String id = provider();
        String address = model(id, "m-1");
        TestOwners.addPath("/internal/v1/configuration-referrers?model=" + address,
                new JsonObject().put("data", new JsonArray().add("cfg_racing")));
        admin().delete("/admin/v1/models/" + id + "/m-1").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", containsString("cfg_racing"));
        admin().get("/admin/v1/models/" + id + "/m-1").then().statusCode(200);
        TestOwners.addPath("/internal/v1/configuration-referrers?model=" + address,
                new JsonObject().put("data", new JsonArray()));
        admin().delete("/admin/v1/models/" + id + "/m-1").then().statusCode(204);
    }

    @Test
    void shouldNotDeleteAModelWhileConfigServiceCannotSayWhetherConfigurationsNameIt() {
        String id = provider();
        model(id, "m-1");
        TestOwners.down(true);
        admin().delete("/admin/v1/models/" + id + "/m-1").then().statusCode(503);
        TestOwners.down(false);
        admin().get("/admin/v1/models/" + id + "/m-1").then().statusCode(200);
    }

    @Test
    void shouldAnswer409ToAReferencingLookUpWhileAWriteHoldsTheModel() {
        String id = provider();
        String address = model(id, "m/1");
        String models = "/internal/v1/models";
        service().queryParam("address", address).queryParam("lock", "share").get(models).then().statusCode(200)
                .body("modelId", equalTo("m/1"));
        whileLocked("select id from model where id = $1 for update", address, () -> {
            service().queryParam("address", address).queryParam("lock", "share").get(models).then().statusCode(409);
            service().queryParam("address", address).get(models).then().statusCode(200);
        });
        admin().delete("/admin/v1/models/" + id + "/m/1").then().statusCode(204);
        service().queryParam("address", address).queryParam("lock", "share").get(models).then().statusCode(404);
        service().queryParam("address", id + ":never").get(models).then().statusCode(404);
        service().get(models).then().statusCode(400);
        admin().queryParam("address", id + ":never").get(models).then().statusCode(401);
    }

    @Test
    void shouldGuardAVirtualModelTheSameWay() {
        String name = uniqueId("guarded");
        admin().body(Map.of("name", name, "targets", List.of("openai:gpt-4o"))).post("/admin/v1/virtual-models")
                .then().statusCode(201);
        TestOwners.addPath("/internal/v1/configuration-referrers?virtualModel=" + name,
                new JsonObject().put("data", new JsonArray().add("cfg_racing")));
        admin().delete("/admin/v1/virtual-models/" + name).then().statusCode(409)
                .body("type", equalTo("https://aigw.dev/problems/still-referenced"))
                .body("detail", containsString("cfg_racing"));
        service().get("/internal/v1/virtual-models/" + name.toUpperCase() + "?lock=share").then().statusCode(200)
                .body("name", equalTo(name));
        whileLocked("select name from virtual_model where name = $1 for update", name, () ->
                service().get("/internal/v1/virtual-models/" + name + "?lock=share").then().statusCode(409));
        TestOwners.addPath("/internal/v1/configuration-referrers?virtualModel=" + name,
                new JsonObject().put("data", new JsonArray()));
        admin().delete("/admin/v1/virtual-models/" + name).then().statusCode(204);
        service().get("/internal/v1/virtual-models/" + name + "?lock=share").then().statusCode(404);
    }

    /** Creates model {@code modelId} of {@code provider}; answers its address. */
    private static String model(String provider, String modelId) {
        admin().body("{\"providerId\":\"" + provider + "\",\"modelId\":\"" + modelId + "\"}").post("/admin/v1/models")
                .then().statusCode(201);
        return provider + ":" + modelId;
    }

    private static String provider() {
        String id = uniqueId("guarded");
        admin().body("{\"id\":\"" + id + "\",\"displayName\":\"guarded\",\"baseUrl\":\"https://" + id
                + ".example.com/v1\",\"surfaces\":[\"openai/chat-completions\"]}").post("/admin/v1/providers")
                .then().statusCode(201);
        return id;
    }

    /** Runs {@code body} while another transaction holds the row {@code for update}, as a delete in progress does. */
    private void whileLocked(String sql, String id, Runnable body) {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction tx = connection.begin().await().indefinitely();
            connection.preparedQuery(sql).execute(Tuple.of(id)).await().indefinitely();
            try {
                body.run();
            } finally {
                tx.rollback().await().indefinitely();
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }
}
