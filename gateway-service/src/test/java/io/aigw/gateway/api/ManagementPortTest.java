package io.aigw.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Management;
import io.aigw.gateway.support.TestKeys;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health, metrics and OpenAPI are served on the management port only (issue 14): the metrics name every access key
 * with its spend, so the public port, the one an Ingress exposes, answers them like any unknown path.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ManagementPortTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/health", "/q/health/ready", "/q/openapi", "/q/dev-ui", "/metrics", "/"})
    void shouldAnswerManagementPathsOnThePublicPortWithThe404Envelope(String path) {
        given().auth().oauth2(TestKeys.ALLOW_ALL).when().get(path)
                .then().statusCode(404).contentType("application/json")
                .header(GatewayHeaders.REQUEST_ID, matchesPattern("req_[a-z2-7]{24}"))
                .body("error.type", equalTo("not_found_error"))
                .body("error.message", equalTo("No such endpoint: GET " + path + "."))
                .body(not(containsString("jvm_")));
    }

    @Test
    void shouldServeHealthMetricsAndOpenApiOnTheManagementPort() {
        assertNotEquals(RestAssured.port, Management.port(), "management shares the public port");
        GatewayReady.await();
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        Management.given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
