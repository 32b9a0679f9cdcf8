package io.aigw.catalog.common;

import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ETag} = version on providers and models; {@code If-Match} on PATCH and DELETE, 412 when stale. */
@QuarkusTest
class ETagTest {

    private static String newProvider() {
        String id = uniqueId("etag");
        admin().body(Map.of("id", id, "baseUrl", "https://" + id + ".example.com/v1",
                        "surfaces", List.of("openai/chat-completions")))
                .when().post("/admin/v1/providers").then().statusCode(201).header("ETag", "\"1\"");
        return id;
    }

    @Test
    void shouldPatchAProviderWithTheCurrentETagAndRefuseAStaleOneWith412() {
        String id = newProvider();
        String path = "/admin/v1/providers/" + id;
        admin().when().get(path).then().statusCode(200).header("ETag", "\"1\"");

        admin().header("If-Match", "\"1\"").body(Map.of("displayName", "First")).when().patch(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        admin().header("If-Match", "\"1\"").body(Map.of("displayName", "Lost update")).when().patch(path)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/precondition-failed"))
                .body("status", equalTo(412));
        admin().when().get(path).then().body("displayName", equalTo("First")).header("ETag", "\"2\"");

        // If-Match is optional; * matches any version; several tags may be listed
        admin().body(Map.of("displayName", "Second")).when().patch(path).then().statusCode(200).header("ETag", "\"3\"");
        admin().header("If-Match", "*").body(Map.of("displayName", "Third")).when().patch(path)
                .then().statusCode(200).header("ETag", "\"4\"");
        admin().header("If-Match", "\"1\", \"4\"").body(Map.of("displayName", "Fourth")).when().patch(path)
                .then().statusCode(200).header("ETag", "\"5\"");
    }

    @Test
    void shouldDeleteAProviderOnlyWithTheCurrentETag() {
        String id = newProvider();
        String path = "/admin/v1/providers/" + id;
        admin().body(Map.of("displayName", "Changed")).when().patch(path).then().statusCode(200);
        admin().header("If-Match", "\"1\"").when().delete(path).then().statusCode(412)
                .body("type", equalTo("https://aigw.dev/problems/precondition-failed"));
        admin().header("If-Match", "not-an-etag").when().delete(path).then().statusCode(412);
        admin().when().get(path).then().statusCode(200);
        admin().header("If-Match", "\"2\"").when().delete(path).then().statusCode(204);
        admin().header("If-Match", "\"2\"").when().delete(path).then().statusCode(404);
    }

    @Test
    void shouldApplyETagsToModelsToo() {
        String provider = newProvider();
        String modelId = "vendor/etag-model:free";
        String path = "/admin/v1/models/" + provider + "/" + modelId;
        admin().body(Map.of("providerId", provider, "modelId", modelId)).when().post("/admin/v1/models")
                .then().statusCode(201).header("ETag", "\"1\"");
        admin().when().get(path).then().statusCode(200).header("ETag", "\"1\"");

        admin().header("If-Match", "\"1\"").body(Map.of("contextLength", 8192)).when().patch(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("contextLength", equalTo(8192));
        admin().header("If-Match", "\"1\"").body(Map.of("contextLength", 4096)).when().patch(path)
                .then().statusCode(412).body("type", equalTo("https://aigw.dev/problems/precondition-failed"));
        admin().header("If-Match", "\"1\"").when().delete(path).then().statusCode(412);
        admin().when().get(path).then().statusCode(200).body("contextLength", equalTo(8192));
        admin().header("If-Match", "W/\"2\"").when().delete(path).then().statusCode(204);
    }
}
