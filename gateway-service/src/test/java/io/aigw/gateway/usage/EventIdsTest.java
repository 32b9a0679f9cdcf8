package io.aigw.gateway.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void shouldGiveEveryUsageEventADistinctVersion4Uuid() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = EventIds.next();
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            assertEquals(id, uuid.toString());
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
    }
}
