package io.aigw.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Retries stay within a ratio of the requests of the last 10 s, plus a floor per second. */
class RetryBudgetTest {

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final RetryBudget budget = new RetryBudget(now::get);

    private static CooldownSettings budget(double ratio, int minPerSecond) {
        return new CooldownSettings(3, Duration.ofSeconds(30), Duration.ofSeconds(30), 10, ratio, minPerSecond);
    }

    private int retriesAllowed(CooldownSettings settings) {
        int allowed = 0;
        while (allowed < 10_000 && budget.tryRetry(settings)) {
            allowed++;
        }
        return allowed;
    }

    @Test
    void retriesStopAtTheRatioOfRequests() {
        for (int i = 0; i < 100; i++) {
            budget.request();
        }
        assertEquals(20, retriesAllowed(budget(0.2, 0)));
        budget.request();
        budget.request();
        budget.request();
        budget.request();
        budget.request();
        assertTrue(budget.tryRetry(budget(0.2, 0)), "five more requests buy one more retry");
        assertFalse(budget.tryRetry(budget(0.2, 0)));
    }

    @Test
    void aQuietReplicaStillRetriesUpToTheFloor() {
        assertEquals(20, retriesAllowed(budget(0.2, 2)));
    }

    @Test
    void requestsAndRetriesOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 50; i++) {
            budget.request();
        }
        assertEquals(10, retriesAllowed(budget(0.2, 0)));
        now.addAndGet(5_000);
        assertFalse(budget.tryRetry(budget(0.2, 0)), "still within the 10 s window");
        now.addAndGet(6_000);
        assertFalse(budget.tryRetry(budget(0.2, 0)), "the requests left the window with the retries");
        for (int i = 0; i < 10; i++) {
            budget.request();
        }
        assertEquals(2, retriesAllowed(budget(0.2, 0)));
    }

    @Test
    void aRatioOfZeroWithoutAFloorAllowsNoRetry() {
        budget.request();
        assertFalse(budget.tryRetry(budget(0, 0)));
    }
}
