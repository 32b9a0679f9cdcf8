package io.aigw.config.auth;

import static io.aigw.config.support.Admin.admin;
import static io.aigw.config.support.Admin.service;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.aigw.config.support.Admin;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthFilterTest {

    @Test
    void shouldReturn401ProblemWithoutToken() {
        given().when().get("/admin/v1/configurations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://aigw.dev/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/admin/v1/configurations"));
    }

    @Test
    void shouldReturn401WithWrongOrNonBearerToken() {
        given().header("Authorization", "Bearer wrong-token").when().get("/admin/v1/gateway-settings")
                .then().statusCode(401);
        given().header("Authorization", "Basic " + Admin.ADMIN_TOKEN).when().get("/admin/v1/gateway-settings")
                .then().statusCode(401);
    }

    @Test
    void shouldNotAcceptTheServiceTokenOnAdminApis() {
        service().when().get("/admin/v1/configurations").then().statusCode(401);
    }

    @Test
    void shouldGuardInternalApisWithTheServiceTokenOnly() {
        given().when().get("/internal/v1/config-snapshot").then().statusCode(401);
        admin().when().get("/internal/v1/config-snapshot").then().statusCode(401);
        service().when().get("/internal/v1/config-snapshot").then().statusCode(200);
    }

    @Test
    void shouldNotRevealWhetherAResourceExistsToUnauthenticatedCallers() {
        given().when().get("/admin/v1/configurations/cfg_aaaaaaaaaaaaaaaa").then().statusCode(401);
        given().when().get("/admin/v1/no-such-thing").then().statusCode(401);
        admin().when().get("/admin/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerGenericProblemWithoutClassNamesForBadRequests() {
        admin().body("[1,2").when().post("/admin/v1/configurations")
                .then().statusCode(400)
                .body("type", equalTo("https://aigw.dev/problems/malformed-json"))
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")));
    }
}
