package io.aigw.keys.outbox;

import static io.aigw.keys.support.TestTokens.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.keys.support.TopicTail;
import io.aigw.kit.outbox.DeadLetters;
import io.aigw.kit.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A poisoned outbox row (here: a topic no channel serves) moves to the dead letters; the events after it flow. */
@QuarkusTest
class DeadLetterTest {

    @Inject
    Pool pool;

    @Inject
    DeadLetters letters;

    @AfterEach
    void forgetDeadLetters() {
        pool.query("delete from outbox_dead_letter").execute().await().atMost(Duration.ofSeconds(5));
        letters.refreshCount().await().atMost(Duration.ofSeconds(5));
    }

    private long deadLetters(String key) {
        return pool.preparedQuery("select count(*) from outbox_dead_letter where aggregate_id = $1")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
    }

    private void poison(String key) {
        pool.preparedQuery("insert into outbox_event (event_id, topic, aggregate_id, payload)"
                + " values ($1, 'no-such-topic', $2, cast($3 as jsonb))")
                .execute(Tuple.of(UUID.randomUUID(), key, "{\"poison\":true}")).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void shouldDeadLetterAPoisonRowAndStillDeliverTheNextEventOfTheSameAggregate() {
        String id = admin().body("{\"name\":\"poisoned\"}").post("/admin/v1/access-keys").then().statusCode(201)
                .extract().path("id");
        String key = "access-key:" + id;
        try (TopicTail tail = new TopicTail("access-key-changes")) {
            poison(key);
            admin().post("/admin/v1/access-keys/" + id + "/revoke").then().statusCode(200);
            List<ConsumerRecord<String, String>> revoked = tail.await(
                    r -> r.key().equals(key) && r.value().contains("\"revoked\""), 1, Duration.ofSeconds(10));
            assertEquals(1, revoked.size(), "the revocation behind the poisoned row was not delivered");
        }
        assertEquals(1, deadLetters(key), "buried before the revocation behind it was sent");
        admin().get("/admin/v1/outbox/dead-letters").then().statusCode(200)
                .body("data.key", hasItem(key)).body("data.topic", hasItem("no-such-topic"))
                .body("data[0].lastError", containsString("no channel"));
        Management.given().get("/q/health/well").then().statusCode(503).body(containsString("deadLetters"));
        Management.given().get("/q/metrics").then().statusCode(200).body(org.hamcrest.Matchers.matchesPattern(
                "(?s).*\\naigw_outbox_dead_letters(\\{[^}]*\\})? 1\\.0.*"));
    }

    @Test
    void shouldPutADeadLetterBackIntoTheOutboxOnRetry() throws InterruptedException {
        String key = "access-key:ak_retry" + UUID.randomUUID().toString().substring(0, 8);
        poison(key);
        long deadline = System.currentTimeMillis() + 10_000;
        while (deadLetters(key) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, deadLetters(key));
        long seq = pool.preparedQuery("select seq from outbox_dead_letter where aggregate_id = $1").execute(Tuple.of(key))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        admin().post("/admin/v1/outbox/dead-letters/" + seq + ":retry").then().statusCode(202);
        admin().post("/admin/v1/outbox/dead-letters/" + seq + ":retry").then().statusCode(404)
                .contentType("application/problem+json");
        long pending = pool.preparedQuery("select count(*) from outbox_event where aggregate_id = $1")
                .execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertTrue(pending + deadLetters(key) >= 1, "the retried row is back in the outbox (or dead again)");
    }
}
