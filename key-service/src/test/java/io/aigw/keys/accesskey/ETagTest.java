package io.aigw.keys.accesskey;

import static io.aigw.keys.support.TestTokens.admin;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** key-service speaks ETag/If-Match like the catalog and config-service: a stale If-Match is a 412. */
@QuarkusTest
class ETagTest {

    @Test
    void shouldAnswerETagAndRefuseAStaleIfMatchWith412() {
        String id = admin().body("{\"name\":\"etag\"}").post("/admin/v1/access-keys").then().statusCode(201)
                .extract().path("id");
        admin().get("/admin/v1/access-keys/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));
        admin().header("If-Match", "\"7\"").body("{\"description\":\"stale\"}").patch("/admin/v1/access-keys/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/precondition-failed"));
        admin().header("If-Match", "\"1\"").body("{\"description\":\"fresh\"}").patch("/admin/v1/access-keys/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("description", equalTo("fresh"));
        admin().header("If-Match", "\"1\"").delete("/admin/v1/access-keys/" + id).then().statusCode(412);
        admin().header("If-Match", "\"2\"").delete("/admin/v1/access-keys/" + id).then().statusCode(204);
    }
}
