package io.aigw.keys;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.aigw.kit.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceSmokeTest {

    @Inject
    Flyway flyway;

    @Test
    void shouldReportHealthUpWhenDatabaseIsReachable() {
        // Ready only once the projections have read each followed topic up to its end offset at start.
        long deadline = System.currentTimeMillis() + 60_000;
        while (Management.given().when().get("/q/health/ready").statusCode() != 200 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        Management.given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldHaveAppliedEveryMigrationAtStart() {
        assertEquals(0, flyway.info().pending().length, "pending migrations");
        assertEquals("13", flyway.info().current().getVersion().getVersion());
    }

    @Test
    void shouldServeHealthMetricsAndOpenApiOnlyOnTheManagementPort() {
        assertNotEquals(RestAssured.port, Management.port(), "management shares the public port");
        Management.given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        for (String path : new String[] {"/q/metrics", "/q/health/live", "/q/health/ready", "/q/openapi"}) {
            RestAssured.given().when().get(path).then().statusCode(404);
        }
    }
}
