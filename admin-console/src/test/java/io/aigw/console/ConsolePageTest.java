package io.aigw.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakeOwners.class)
class ConsolePageTest {

    @Test
    void shouldServeTheConsoleWithAPolicyThatKeepsItToItsOwnOrigin() {
        Assumptions.assumeTrue(getClass().getResource("/META-INF/resources/index.html") != null,
                "the console is built by npm (skipped with -Dconsole.skip=true)");
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<div id=\"app\">"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }
}
