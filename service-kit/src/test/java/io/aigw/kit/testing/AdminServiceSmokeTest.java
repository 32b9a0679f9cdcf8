package io.aigw.kit.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What every admin service must do once started, checked the same way in each (a {@code @QuarkusTest} subclass per
 * service names its schema version): ready once its projections caught up, metrics, every migration applied, and
 * health, metrics and OpenAPI on the management port only (issue 14).
 */
public abstract class AdminServiceSmokeTest {

    @Inject
    Flyway flyway;

    /** The version of the service's newest migration, e.g. {@code "12"} for {@code V12__….sql}. */
    protected abstract String expectedSchemaVersion();

    @Test
    void shouldReportHealthUpWhenDatabaseIsReachable() throws InterruptedException {
        // Ready only once the projections have read each followed topic up to its end offset at start.
        long deadline = System.currentTimeMillis() + 60_000;
        while (Management.given().when().get("/q/health/ready").statusCode() != 200
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
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
        assertEquals(expectedSchemaVersion(), flyway.info().current().getVersion().getVersion());
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
