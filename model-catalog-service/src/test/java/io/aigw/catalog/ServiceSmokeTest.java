package io.aigw.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
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
        while (given().when().get("/q/health/ready").statusCode() != 200 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldHaveAppliedEveryMigrationAtStart() {
        assertEquals(0, flyway.info().pending().length, "pending migrations");
        assertEquals("6", flyway.info().current().getVersion().getVersion());
    }
}
