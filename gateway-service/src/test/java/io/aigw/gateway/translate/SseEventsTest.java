package io.aigw.gateway.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** Where server-sent events end, with `\n` or `\r\n` framing, and however the bytes came in over reads. */
class SseEventsTest {

    private static final String LF = "data: {\"a\":1}\n\n";
    private static final String CRLF = "data: {\"a\":1}\r\n\r\n";

    @Test
    void shouldFindTheEndOfEachEventWithEitherFraming() {
        Buffer events = Buffer.buffer(LF + CRLF + "data: cut");

        assertEquals(LF.length(), SseEvents.eventEnd(events, 0, events.length()));
        assertEquals(LF.length() + CRLF.length(), SseEvents.eventEnd(events, LF.length(), events.length()));
        assertEquals(events.length(), SseEvents.eventEnd(events, LF.length() + CRLF.length(), events.length()));
    }

    @Test
    void shouldFindWhereTheEventHoldingAByteStarts() {
        Buffer events = Buffer.buffer(LF + CRLF + LF);

        assertEquals(0, SseEvents.eventStart(events, 3));
        assertEquals(LF.length(), SseEvents.eventStart(events, LF.length() + 3));
        assertEquals(LF.length() + CRLF.length(), SseEvents.eventStart(events, LF.length() + CRLF.length() + 3));
    }

    @Test
    void shouldFindTheLastEventEndWhenItsBlankLineIsSplitAcrossReads() {
        Buffer pending = Buffer.buffer(CRLF.substring(0, CRLF.length() - 2));
        assertEquals(-1, SseEvents.lastEventEnd(pending, 0, pending.length()));
        int scanned = pending.length();

        pending.appendString("\r\n" + LF.substring(0, 4));

        assertEquals(CRLF.length(), SseEvents.lastEventEnd(pending, scanned - 3, pending.length()));
    }

    @Test
    void shouldFindTheLastOfSeveralEventEndsInOneRead() {
        Buffer pending = Buffer.buffer(LF + CRLF + LF + "data:");

        assertEquals(LF.length() * 2 + CRLF.length(), SseEvents.lastEventEnd(pending, 0, pending.length()));
    }
}
