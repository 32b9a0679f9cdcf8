package io.aigw.config.outage;

import static io.aigw.config.support.Admin.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.aigw.kit.testing.DatabaseLink;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a running config-service (issue 13): reads and writes answer 503 problem+json with
 * Retry-After, never a 500 or a hang, nothing stored changes, and the service serves again once it is back. The
 * service reaches PostgreSQL through a {@link DatabaseLink} that the test cuts, so the real server keeps serving the
 * machine's other tests.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseOutageTest.Link.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    public static class Link implements QuarkusTestResourceLifecycleManager {

        static DatabaseLink link;

        @Override
        public Map<String, String> start() {
            try {
                link = DatabaseLink.to(Integer.parseInt(System.getenv().getOrDefault("AIGW_DB_PORT", "5432")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("aigw.db.port", String.valueOf(link.port()));
        }

        @Override
        public void stop() {
            try {
                link.cut();
            } catch (IOException ignored) {
                // the test run ends
            }
        }
    }

    @AfterEach
    void restore() throws IOException {
        Link.link.restore();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhilePostgresIsDownAndServeAgainAfter() throws IOException {
        String id = admin().body("{\"name\":\"outage-before\"}").post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");

        Link.link.cut();

        admin().get("/admin/v1/configurations/" + id).then().statusCode(503)
                .contentType(startsWith("application/problem+json")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        admin().body("{\"name\":\"outage-renamed\"}")
                .patch("/admin/v1/configurations/" + id).then().statusCode(503)
                .contentType(startsWith("application/problem+json"));
        admin().body("{\"name\":\"outage-during\"}").post("/admin/v1/configurations").then().statusCode(503);

        Link.link.restore();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                admin().get("/admin/v1/configurations/" + id).then().statusCode(200).body("name", equalTo("outage-before")));
        admin().get("/admin/v1/configurations?name=outage-during").then().statusCode(200).body("data.size()", equalTo(0));
    }
}
