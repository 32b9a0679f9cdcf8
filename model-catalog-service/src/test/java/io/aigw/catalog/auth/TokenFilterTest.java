package io.aigw.catalog.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.aigw.catalog.Admin;
import io.aigw.kit.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenFilterTest {

    @Test
    void shouldReturn401ProblemWithoutAdminToken() {
        given().when().get("/admin/v1/providers")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://aigw.dev/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void shouldReturn401WithWrongAdminToken() {
        given().header("Authorization", "Bearer wrong").when().get("/admin/v1/models")
                .then().statusCode(401);
        given().header("Authorization", "Basic " + Admin.ADMIN_TOKEN).when().get("/admin/v1/models")
                .then().statusCode(401);
    }

    @Test
    void shouldNotRevealWhetherAResourceExistsWithoutToken() {
        given().when().get("/admin/v1/providers/does-not-exist").then().statusCode(401);
        given().when().delete("/admin/v1/providers/openai").then().statusCode(401);
        given().when().get("/admin/v1/no-such-collection").then().statusCode(401);
    }

    @Test
    void shouldRequireServiceTokenOnInternalApi() {
        given().when().get("/internal/v1/catalog-snapshot").then().statusCode(401);
        Admin.admin().when().get("/internal/v1/catalog-snapshot").then().statusCode(401);
        Admin.service().when().get("/internal/v1/catalog-snapshot").then().statusCode(200);
        Admin.service().when().get("/admin/v1/providers").then().statusCode(401);
    }

    @Test
    void shouldLeaveHealthProbesOpen() {
        Management.given().when().get("/q/health/live").then().statusCode(200);
    }
}
