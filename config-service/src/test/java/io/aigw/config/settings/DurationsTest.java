package io.aigw.config.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void shouldReadGoStyleDurations() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1m30s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    }

    @Test
    void shouldReadIso8601Durations() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("PT30S"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("PT1M"));
    }

    @Test
    void shouldRejectAnythingElse() {
        assertNull(Durations.parse("soon"));
        assertNull(Durations.parse("30"));
        assertNull(Durations.parse("30 s"));
        assertNull(Durations.parse("s30"));
        assertNull(Durations.parse("PTxS"));
        assertNull(Durations.parse(""));
    }
}
