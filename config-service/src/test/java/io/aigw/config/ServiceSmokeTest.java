package io.aigw.config;

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
        assertEquals("3", flyway.info().current().getVersion().getVersion());
    }
}
