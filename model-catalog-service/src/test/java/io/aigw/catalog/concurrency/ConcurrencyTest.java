package io.aigw.catalog.concurrency;

import static io.aigw.catalog.Admin.ADMIN_TOKEN;
import static io.aigw.catalog.Admin.admin;
import static io.aigw.catalog.Admin.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.kit.testing.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Races on one id: one create wins (201) and the rest get 409; concurrent deletes are all answered promptly. */
@QuarkusTest
class ConcurrencyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void shouldAnswerOne201AndOnly409sToTwentyConcurrentCreatesOfOneProvider() {
        String id = uniqueId("race");
        List<Integer> statuses = Concurrently.send(20, "POST", "/admin/v1/providers", ADMIN_TOKEN,
                "{\"id\":\"" + id + "\",\"baseUrl\":\"https://race.example.com/v1\"}", DEADLINE);
        assertEquals(1, Concurrently.count(statuses, 201), statuses.toString());
        assertEquals(19, Concurrently.count(statuses, 409), statuses.toString());
    }

    @Test
    void shouldAnswerOne201AndOnly409sToTwentyConcurrentCreatesOfOneModel() {
        String provider = newProvider();
        List<Integer> statuses = Concurrently.send(20, "POST", "/admin/v1/models", ADMIN_TOKEN,
                "{\"providerId\":\"" + provider + "\",\"modelId\":\"org/m\"}", DEADLINE);
        assertEquals(1, Concurrently.count(statuses, 201), statuses.toString());
        assertEquals(19, Concurrently.count(statuses, 409), statuses.toString());
    }

    @Test
    void shouldAnswerEveryOfTwentyConcurrentDeletesWithin5sOne204AndThe404s() {
        String provider = newProvider();
        admin().body(Map.of("providerId", provider, "modelId", "gone")).when().post("/admin/v1/models").then().statusCode(201);
        List<Integer> models = Concurrently.send(20, "DELETE", "/admin/v1/models/" + provider + "/gone", ADMIN_TOKEN,
                null, DEADLINE);
        assertEquals(1, Concurrently.count(models, 204), models.toString());
        assertEquals(19, Concurrently.count(models, 404), models.toString());
        List<Integer> providers = Concurrently.send(20, "DELETE", "/admin/v1/providers/" + provider, ADMIN_TOKEN,
                null, DEADLINE);
        assertEquals(1, Concurrently.count(providers, 204), providers.toString());
        assertEquals(19, Concurrently.count(providers, 404), providers.toString());
        admin().when().get("/admin/v1/providers/" + provider).then().statusCode(404);
    }

    @Test
    void shouldNeverLetAModelCreateAndItsProvidersDeleteBothWin() {
        for (int round = 0; round < 5; round++) {
            String provider = newProvider();
            List<Integer> create = new java.util.ArrayList<>();
            List<Integer> delete = new java.util.ArrayList<>();
            Thread creator = new Thread(() -> create.addAll(Concurrently.send(1, "POST", "/admin/v1/models", ADMIN_TOKEN,
                    "{\"providerId\":\"" + provider + "\",\"modelId\":\"m\"}", DEADLINE)));
            creator.start();
            delete.addAll(Concurrently.send(1, "DELETE", "/admin/v1/providers/" + provider, ADMIN_TOKEN, null, DEADLINE));
            try {
                creator.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean bothWon = create.get(0) == 201 && delete.get(0) == 204;
            assertTrue(!bothWon, "round " + round + ": create " + create + " and delete " + delete + " both won");
            assertTrue(create.get(0) != 0 && delete.get(0) != 0, "unanswered: " + create + " " + delete);
        }
    }

    private static String newProvider() {
        String id = uniqueId("cc");
        admin().body(Map.of("id", id, "baseUrl", "https://" + id + ".example.com/v1")).when().post("/admin/v1/providers")
                .then().statusCode(201);
        return id;
    }
}
