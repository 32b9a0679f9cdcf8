package io.aigw.keys.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.keys.support.TestTokens;
import io.aigw.kit.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthFilterTest {

    @Test
    void shouldReturn401ProblemWithoutToken() {
        given().when().get("/admin/v1/access-keys")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void shouldReturn401WithWrongAdminToken() {
        given().header("Authorization", "Bearer " + TestTokens.ADMIN + "x")
                .when().get("/admin/v1/provider-keys")
                .then().statusCode(401);
    }

    @Test
    void shouldReturn401WithNonBearerScheme() {
        given().header("Authorization", "Basic " + TestTokens.ADMIN)
                .when().get("/admin/v1/access-keys")
                .then().statusCode(401);
    }

    @Test
    void shouldAnswerIdenticallyForExistingAndMissingKeysWhenUnauthenticated() {
        String id = TestTokens.admin().body("{\"name\":\"auth-probe\"}").post("/admin/v1/access-keys")
                .then().statusCode(201).extract().path("id");
        String existing = given().header("Authorization", "Bearer wrong")
                .when().get("/admin/v1/access-keys/" + id).then().statusCode(401).extract().asString();
        String missing = given().header("Authorization", "Bearer wrong")
                .when().get("/admin/v1/access-keys/ak_doesnotexist00").then().statusCode(401).extract().asString();
        assertEquals(existing.replace(id, "X"), missing.replace("ak_doesnotexist00", "X"));
        given().when().get("/admin/v1/no-such-collection").then().statusCode(401);
        given().when().get("/internal/v1/access-keys/" + id.substring(3)).then().statusCode(401);
    }

    @Test
    void shouldRejectAdminTokenOnInternalApiAndServiceTokenOnAdminApi() {
        given().header("Authorization", "Bearer " + TestTokens.ADMIN)
                .when().get("/internal/v1/access-key-snapshot").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.SERVICE)
                .when().get("/admin/v1/access-keys").then().statusCode(401);
        TestTokens.service().when().get("/internal/v1/access-key-snapshot").then().statusCode(200);
    }

    @Test
    void shouldNotProtectHealthEndpoints() {
        Management.given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void shouldReturn404ProblemForUnknownPathWhenAuthenticated() {
        TestTokens.admin().when().get("/admin/v1/no-such-collection")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/not-found"));
    }

    @Test
    void shouldReturnMalformedJsonProblemForBrokenBody() {
        TestTokens.admin().body("{\"name\": ").when().post("/admin/v1/access-keys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/malformed-json"))
                .body("instance", equalTo("/admin/v1/access-keys"));
    }

    @Test
    void shouldPointAtUnknownAndMistypedFields() {
        TestTokens.admin().body("{\"name\":\"x\",\"colour\":\"red\"}").when().post("/admin/v1/access-keys")
                .then().statusCode(400).body("type", equalTo("https://aigw.dev/problems/validation-failed"))
                .body("errors[0].pointer", equalTo("/colour"));
        TestTokens.admin().body("{\"name\":\"x\",\"expiresAt\":\"tomorrow\"}").contentType(ContentType.JSON)
                .when().post("/admin/v1/access-keys")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/expiresAt"));
    }
}
