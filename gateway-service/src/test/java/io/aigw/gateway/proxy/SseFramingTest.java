package io.aigw.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** What an event is before a stream commits: an error fails over, a preamble waits, content commits. */
class SseFramingTest {

    private static SseFraming.Kind kind(String event) {
        Buffer buffer = Buffer.buffer(event);
        return SseFraming.classify(buffer, 0, buffer.length());
    }

    @Test
    void shouldTakeAResponsesStreamThatFailsBeforeItsContentForAnErrorSoTheAttemptFailsOver() {
        assertEquals(SseFraming.Kind.ERROR, kind("event: response.failed\ndata: {\"type\":\"response.failed\",\"response\":"
                + "{\"id\":\"resp_1\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"x\"}}}\n\n"));
        assertEquals(SseFraming.Kind.ERROR, kind("data: {\"type\":\"response.failed\",\"response\":{\"status\":\"failed\"}}\n\n"));
    }

    @Test
    void shouldTellErrorsPreamblesAndContentApart() {
        assertEquals(SseFraming.Kind.ERROR, kind("event: error\ndata: {\"type\":\"error\",\"message\":\"x\"}\n\n"));
        assertEquals(SseFraming.Kind.PREAMBLE, kind("event: response.created\ndata: {\"type\":\"response.created\"}\n\n"));
        assertEquals(SseFraming.Kind.CONTENT, kind("event: response.output_text.delta\ndata: {\"type\":"
                + "\"response.output_text.delta\",\"delta\":\"Hi\"}\n\n"));
        assertEquals(SseFraming.Kind.PREAMBLE, kind("data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"));
    }
}
