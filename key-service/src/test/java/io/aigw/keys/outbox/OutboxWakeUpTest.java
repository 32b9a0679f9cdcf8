package io.aigw.keys.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aigw.keys.accesskey.AccessKeyCreateRequest;
import io.aigw.keys.accesskey.AccessKeyService;
import io.aigw.keys.support.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the fallback poll an hour away and no admin request to wake the relay in this process, a change committed
 * outside any request (as another replica's write would be) still reaches Kafka: the writing transaction's
 * {@code NOTIFY} wakes the relay at commit. Without the notification it would wait for the poll and this fails.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.PollOnceAnHour.class)
class OutboxWakeUpTest {

    public static class PollOnceAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aigw.kit.outbox.poll-interval", "1h");
        }
    }

    @Inject
    AccessKeyService accessKeys;

    @Test
    void shouldPublishAChangeCommittedOutsideAnyAdminRequestWithoutWaitingForThePoll() throws Throwable {
        try (TopicTail tail = new TopicTail("access-key-changes")) {
            String id = VertxContextSupport.subscribeAndAwait(() -> accessKeys.create(
                    new AccessKeyCreateRequest("notified", null, null, null, null))).accessKey().id();
            assertEquals(1, tail.await(TopicTail.keyed("access-key:" + id), 1, Duration.ofSeconds(10)).size(),
                    "the committed change was not relayed");
        }
    }
}
