package io.aigw.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeOwners.class)
class SuiteHealthTest {

    @Test
    void shouldShowEachServicesReadinessAndEachGatewaysSnapshotVersion() {
        given().header("Authorization", "Bearer " + FakeOwners.TOKEN)
                .when().get("/console/v1/health")
                .then().statusCode(200)
                .body("services", hasSize(3))
                .body("services.find { it.name == 'config' }.status", equalTo("UP"))
                .body("gateways[0].name", equalTo("gateway-1"))
                .body("gateways[0].snapshotVersion", equalTo("c3.g4.k5"));
    }

    @Test
    void shouldShowEachGatewaysConsumerLagPerTopicAndInTotal() {
        given().header("Authorization", "Bearer " + FakeOwners.TOKEN)
                .when().get("/console/v1/health")
                .then().statusCode(200)
                .body("gateways[0].consumerLag.total", equalTo(7))
                .body("gateways[0].consumerLag.topics.'config-changes'", equalTo(5))
                .body("gateways[0].consumerLag.topics.'catalog-changes'", equalTo(2))
                .body("gateways[0].consumerLag.topics.'access-key-changes'", equalTo(0));
    }

    @Test
    void shouldRefuseATokenKeyServiceDoesNotAccept() {
        given().header("Authorization", "Bearer not-the-token")
                .when().get("/console/v1/health")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
