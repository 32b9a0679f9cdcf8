package io.aigw.keys.concurrency;

import static io.aigw.keys.support.TestTokens.ADMIN;
import static io.aigw.keys.support.TestTokens.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.keys.support.TestCatalog;
import io.aigw.kit.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twenty DELETEs of one key at once: every one answered within 5 s, one 204 and 404s, the key gone. */
@QuarkusTest
class ConcurrencyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void shouldAnswerTwentyConcurrentDeletesOfOneAccessKeyPromptly() {
        String id = admin().body("{\"name\":\"raced\"}").post("/admin/v1/access-keys").then().statusCode(201)
                .extract().path("id");
        List<Integer> statuses = Concurrently.send(20, "DELETE", "/admin/v1/access-keys/" + id, ADMIN, null, DEADLINE);
        assertEquals(1, Concurrently.count(statuses, 204), statuses.toString());
        assertEquals(19, Concurrently.count(statuses, 404), statuses.toString());
        admin().get("/admin/v1/access-keys/" + id).then().statusCode(404);
    }

    @Test
    void shouldAnswerTwentyConcurrentDeletesOfOneProviderKeyPromptly() {
        String id = admin().body("{\"providerId\":\"" + TestCatalog.provider("openai")
                        + "\",\"name\":\"raced\",\"value\":\"sk-proj-cccccccccccccccccccccccc3333\"}")
                .post("/admin/v1/provider-keys").then().statusCode(201).extract().path("id");
        List<Integer> statuses = Concurrently.send(20, "DELETE", "/admin/v1/provider-keys/" + id, ADMIN, null, DEADLINE);
        assertEquals(1, Concurrently.count(statuses, 204), statuses.toString());
        assertEquals(19, Concurrently.count(statuses, 404), statuses.toString());
        admin().get("/admin/v1/provider-keys/" + id).then().statusCode(404);
    }

    @Test
    void shouldAnswerTwentyConcurrentRevocationsOfOneAccessKeyWithTheSameRevokedKey() {
        String id = admin().body("{\"name\":\"revoked-race\"}").post("/admin/v1/access-keys").then().statusCode(201)
                .extract().path("id");
        List<Integer> statuses = Concurrently.send(20, "POST", "/admin/v1/access-keys/" + id + "/revoke", ADMIN, null,
                DEADLINE);
        assertEquals(20, Concurrently.count(statuses, 200), statuses.toString());
        admin().get("/admin/v1/access-keys/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("revoked")).body("version", org.hamcrest.Matchers.equalTo(2));
    }
}
