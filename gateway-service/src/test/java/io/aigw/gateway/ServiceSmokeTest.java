package io.aigw.gateway;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.aigw.gateway.support.GatewayReady;
import io.aigw.gateway.support.GatewayTestResource;
import io.aigw.gateway.support.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class ServiceSmokeTest {

    @Test
    void shouldReportLiveAndStarted() {
        Management.given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/started")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldReportReadyOnceTheRoutingSnapshotIsLoaded() {
        GatewayReady.await();
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'routing-snapshot' }.data.version", matchesPattern("c\\d+\\.g9\\.k17"));
        // the catalog version grows when a sync test adds a model to the stub
    }

    @Test
    void shouldExposePrometheusMetrics() {
        Management.given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
