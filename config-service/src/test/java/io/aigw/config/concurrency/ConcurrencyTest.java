package io.aigw.config.concurrency;

import static io.aigw.config.support.Admin.ADMIN_TOKEN;
import static io.aigw.config.support.Admin.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.kit.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Races on one configuration: every request answered within 5 s, one winner, the rest 404 or 409. */
@QuarkusTest
class ConcurrencyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void shouldAnswerTwentyConcurrentDeletesOfOneConfigurationPromptly() {
        String id = admin().body("{\"name\":\"raced-" + UUID.randomUUID() + "\"}").post("/admin/v1/configurations")
                .then().statusCode(201).extract().path("id");
        List<Integer> statuses = Concurrently.send(20, "DELETE", "/admin/v1/configurations/" + id, ADMIN_TOKEN, null,
                DEADLINE);
        assertEquals(1, Concurrently.count(statuses, 204), statuses.toString());
        assertEquals(19, Concurrently.count(statuses, 404), statuses.toString());
        admin().get("/admin/v1/configurations/" + id).then().statusCode(404);
    }

    @Test
    void shouldAnswerOne201AndOnly409sToTwentyConcurrentCreatesOfOneName() {
        String name = "same-" + UUID.randomUUID();
        List<Integer> statuses = Concurrently.send(20, "POST", "/admin/v1/configurations", ADMIN_TOKEN,
                "{\"name\":\"" + name + "\"}", DEADLINE);
        assertEquals(1, Concurrently.count(statuses, 201), statuses.toString());
        assertEquals(19, Concurrently.count(statuses, 409), statuses.toString());
    }
}
