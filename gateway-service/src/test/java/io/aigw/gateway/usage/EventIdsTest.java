package io.aigw.gateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void shouldGiveEveryUsageEventADistinctVersion7Uuid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = EventIds.next();
            UUID uuid = UUID.fromString(id);
            assertEquals(7, uuid.version());
            assertEquals(2, uuid.variant());
            assertEquals(id, uuid.toString());
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void shouldOrderIdsOfLaterMillisecondsAfterEarlierOnes() {
        long now = 1_764_900_000_000L;
        String earlier = EventIds.next(now);
        String later = EventIds.next(now + 1);
        assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
        assertEquals(now, UUID.fromString(earlier).getMostSignificantBits() >>> 16);
    }
}
