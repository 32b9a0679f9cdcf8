package io.aigw.keys.outbox;

import static io.aigw.keys.support.TestTokens.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigw.keys.accesskey.AccessKeyCreateRequest;
import io.aigw.keys.accesskey.AccessKeyService;
import io.aigw.keys.support.JsonShape;
import io.aigw.keys.support.TopicTail;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.aigw.keys.support.TestCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The outbox against the real broker: committed changes appear once, in order; rolled-back ones never. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    AccessKeyService accessKeys;

    @Inject
    Pool pool;

    @Test
    void shouldPublishEveryAccessKeyChangeExactlyOnceInOrderWithKeyAndVersion() {
        try (TopicTail tail = new TopicTail("access-key-changes")) {
            String id = admin().body("{\"name\":\"events\"}").post("/admin/v1/access-keys").then().statusCode(201)
                    .extract().path("id");
            admin().body("{\"description\":\"changed\"}").patch("/admin/v1/access-keys/" + id).then().statusCode(200);
            admin().post("/admin/v1/access-keys/" + id + "/revoke").then().statusCode(200);
            long revokedAt = System.nanoTime();
            List<ConsumerRecord<String, String>> revoked = tail.await(
                    r -> r.key().equals("access-key:" + id) && r.value().contains("\"revoked\""), 1, Duration.ofSeconds(5));
            long revocationMillis = (System.nanoTime() - revokedAt) / 1_000_000;
            assertEquals(1, revoked.size());
            assertTrue(revocationMillis < 1000, "revocation reached Kafka after " + revocationMillis + " ms");
            admin().delete("/admin/v1/access-keys/" + id).then().statusCode(204);

            tail.await(TopicTail.keyed("access-key:" + id), 4, Duration.ofSeconds(5));
            List<ConsumerRecord<String, String>> events = tail.collectFor(TopicTail.keyed("access-key:" + id),
                    Duration.ofMillis(1500));
            assertEquals(List.of("created", "updated", "revoked", "deleted"),
                    events.stream().map(r -> TopicTail.json(r).get("type").asText()).toList());
            assertEquals(List.of(1, 2, 3, 4), events.stream().map(r -> TopicTail.json(r).get("version").asInt()).toList());
            JsonNode fixture = JsonShape.resource("/events/access-key-changes.v1.json");
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = TopicTail.json(events.get(i));
                JsonShape.assertSameShape(fixture.get(i), event, "");
                assertFalse(events.get(i).value().contains("secretHash"));
            }
            assertTrue(TopicTail.json(events.get(3)).get("data").isNull());
        }
    }

    @Test
    void shouldPublishProviderKeyChangesIncludingRotation() {
        try (TopicTail tail = new TopicTail("provider-key-changes")) {
            String id = admin().body("{\"providerId\":\"" + TestCatalog.provider("openai") + "\",\"name\":\"ev\",\"value\":\"sk-proj-aaaaaaaaaaaaaaaaaaaaaaaa1111\"}")
                    .post("/admin/v1/provider-keys").then().statusCode(201).extract().path("id");
            admin().body("{\"name\":\"ev2\"}").patch("/admin/v1/provider-keys/" + id).then().statusCode(200);
            admin().body("{\"value\":\"sk-proj-bbbbbbbbbbbbbbbbbbbbbbbb2222\"}").post("/admin/v1/provider-keys/" + id + "/rotate")
                    .then().statusCode(200);
            admin().delete("/admin/v1/provider-keys/" + id).then().statusCode(204);
            tail.await(TopicTail.keyed("provider-key:" + id), 4, Duration.ofSeconds(5));
            List<ConsumerRecord<String, String>> events = tail.collectFor(TopicTail.keyed("provider-key:" + id),
                    Duration.ofMillis(1500));
            assertEquals(List.of("created", "updated", "rotated", "deleted"),
                    events.stream().map(r -> TopicTail.json(r).get("type").asText()).toList());
            assertEquals(List.of(1, 2, 3, 4), events.stream().map(r -> TopicTail.json(r).get("version").asInt()).toList());
            JsonNode fixture = JsonShape.resource("/events/provider-key-changes.v1.json");
            for (int i = 0; i < events.size(); i++) {
                JsonShape.assertSameShape(fixture.get(i), TopicTail.json(events.get(i)), "");
            }
        }
    }

    @Test
    void shouldNeverPublishOrStoreAChangeWhoseTransactionRolledBack() throws Throwable {
        String marker = "rolled-back-" + UUID.randomUUID();
        try (TopicTail tail = new TopicTail("access-key-changes")) {
            assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> accessKeys.create(new AccessKeyCreateRequest(marker, null, null, null, null))
                            .chain(created -> Uni.createFrom().failure(new IllegalStateException("fail after the outbox write"))))));
            // a committed change after it proves the relay is running
            String committed = admin().body("{\"name\":\"after-rollback\"}").post("/admin/v1/access-keys")
                    .then().statusCode(201).extract().path("id");
            assertEquals(1, tail.await(TopicTail.keyed("access-key:" + committed), 1, Duration.ofSeconds(5)).size());
            List<ConsumerRecord<String, String>> leaked = tail.collectFor(r -> r.value().contains(marker), Duration.ofSeconds(1));
            assertEquals(List.of(), leaked);
        }
        long rows = pool.preparedQuery("select count(*) from outbox_event where payload::text like $1")
                .execute(Tuple.of("%" + marker + "%")).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        long keys = pool.preparedQuery("select count(*) from access_key where name = $1")
                .execute(Tuple.of(marker)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        assertEquals(0, rows);
        assertEquals(0, keys);
    }

    /**
     * A row made unpublished by another connection, with no notification and no admin request after it (a lost
     * wake-up), is sent again by the fallback poll: the same event reaches Kafka a second time.
     */
    @Test
    void shouldRelayARowCommittedWithoutAnyWakeUpAtTheFallbackPoll() {
        try (TopicTail tail = new TopicTail("access-key-changes")) {
            String id = admin().body("{\"name\":\"unnotified\"}").post("/admin/v1/access-keys").then().statusCode(201)
                    .extract().path("id");
            String key = "access-key:" + id;
            assertEquals(1, tail.await(TopicTail.keyed(key), 1, Duration.ofSeconds(10)).size());
            long deadline = System.currentTimeMillis() + 10_000;
            long unmarked = 0;
            while (unmarked == 0 && System.currentTimeMillis() < deadline) { // once the relay marked it sent
                unmarked = pool.preparedQuery("update outbox_event set published_at = null where aggregate_id = $1"
                        + " and published_at is not null").execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(5))
                        .rowCount();
            }
            assertEquals(1, unmarked);
            List<ConsumerRecord<String, String>> copies = tail.await(TopicTail.keyed(key), 2, Duration.ofSeconds(10));
            assertEquals(2, copies.size(), "the unmarked row was not sent again");
            assertEquals(TopicTail.json(copies.get(0)).get("eventId"), TopicTail.json(copies.get(1)).get("eventId"));
        }
    }

    @Test
    void shouldMarkRowsPublishedOnceKafkaAcknowledged() {
        String id = admin().body("{\"name\":\"marked\"}").post("/admin/v1/access-keys").then().statusCode(201)
                .extract().path("id");
        long deadline = System.currentTimeMillis() + 5000;
        long unpublished;
        do {
            unpublished = pool.preparedQuery("select count(*) from outbox_event where aggregate_id = $1 and published_at is null")
                    .execute(Tuple.of("access-key:" + id)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);
        } while (unpublished > 0 && System.currentTimeMillis() < deadline);
        assertEquals(0, unpublished);
    }
}
