package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.OPENAI;
import static io.aigw.e2e.simulator.SimulatorClient.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time to first token, chunk spacing, connection resets, broken streams, hangs and client disconnects. */
class StreamTimingAndFaultsTest extends SimulatorTest {

    private static List<SseCapture.SseEvent> contentChunks(SseCapture stream) {
        return stream.dataEvents().stream()
                .filter(e -> !e.data().equals("[DONE]") && e.json().at("/choices/0/delta").has("content")
                        && !e.json().at("/choices/0/delta").has("role"))
                .toList();
    }

    @Test
    void shouldSendHeadersAtOnceAndTheFirstChunkAfterTimeToFirstToken() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o@ttft-ms=300,chunks=2", "\"stream\":true"), OPENAI);

        long headersMs = (stream.headersNanos - stream.startedNanos) / 1_000_000;
        long firstChunkMs = stream.millisSinceStart(stream.dataEvents().get(0));
        assertTrue(headersMs < 250, "headers after " + headersMs + " ms");
        assertTrue(firstChunkMs >= 300, "first chunk after " + firstChunkMs + " ms");
    }

    @Test
    void shouldSpaceChunksByIntervalDeliveringEachBeforeTheNextIsProduced() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o@chunks=4,chunk-interval-ms=150", "\"stream\":true"), OPENAI);

        List<SseCapture.SseEvent> chunks = contentChunks(stream);
        assertEquals(4, chunks.size());
        for (int i = 1; i < chunks.size(); i++) {
            long gapMs = (chunks.get(i).arrivedNanos() - chunks.get(i - 1).arrivedNanos()) / 1_000_000;
            assertTrue(gapMs >= 100, "chunk " + i + " came " + gapMs + " ms after the previous one");
        }
        long firstToLastMs = (chunks.get(3).arrivedNanos() - chunks.get(0).arrivedNanos()) / 1_000_000;
        assertTrue(firstToLastMs >= 400, "the first chunk arrived only " + firstToLastMs + " ms before the last");
    }

    @Test
    void shouldResetTheConnectionWithoutAnswerWhenScripted() {
        assertThrows(IOException.class,
                () -> client.post("/v1/chat/completions", chat("gpt-4o@reset=1", ""), OPENAI));
    }

    @Test
    void shouldBreakTheStreamAfterNChunksWithAnIoError() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o@chunks=8,chunk-interval-ms=50,break-after=3", "\"stream\":true"), OPENAI);

        assertEquals(200, stream.status);
        assertNotNull(stream.failure, "the stream should end with an IO error");
        assertEquals(3, contentChunks(stream).size());
        assertNotEquals("[DONE]", stream.lastData());
    }

    @Test
    void shouldNeverAnswerWhenHangingSoTheClientTimesOut() {
        long started = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> client.post("/v1/chat/completions",
                chat("gpt-4o@hang=1", ""), Duration.ofMillis(300), OPENAI));
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 300);
    }

    @Test
    void shouldStopStreamingWhenTheClientDisconnects() throws Exception {
        SseCapture stream = client.streamUntil("/v1/chat/completions",
                chat("gpt-4o@chunks=100,chunk-interval-ms=50", "\"stream\":true"),
                event -> event.isData() && event.json().at("/choices/0/delta/content").asText().equals(" This"),
                OPENAI);
        assertEquals(3, stream.items.size());

        long deadline = System.nanoTime() + 2_000_000_000L;
        while (simulator.openStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, simulator.openStreams(), "the abandoned stream is still being written");
    }

    @Test
    void shouldCountAStreamAsOpenWhileItIsWritten() throws Exception {
        Thread reader = new Thread(() -> {
            try {
                client.stream("/v1/chat/completions", chat("gpt-4o@chunks=3,chunk-interval-ms=200", "\"stream\":true"),
                        OPENAI);
            } catch (Exception ignored) {
                // the assertion below is what matters
            }
        });
        reader.start();
        Thread.sleep(150);
        int whileStreaming = simulator.openStreams();
        reader.join(5_000);

        assertEquals(1, whileStreaming);
        assertEquals(0, simulator.openStreams());
    }

    @Test
    void shouldBreakBeforeAnyContentWhenBreakAfterIsZero() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o@break-after=0", "\"stream\":true,\"stream_options\":{\"include_usage\":true}"), OPENAI);

        assertEquals(200, stream.status);
        assertNotNull(stream.failure);
        assertTrue(contentChunks(stream).isEmpty());
        assertTrue(stream.json().stream().noneMatch(c -> c.path("usage").isObject()));
    }

    @Test
    void shouldEndTheStreamCleanlyWithoutItsClosingEventsWhenEndAfterIsSet() throws Exception {
        SseCapture stream = client.stream("/v1/chat/completions",
                chat("gpt-4o@end-after=3", "\"stream\":true,\"stream_options\":{\"include_usage\":true}"), OPENAI);

        assertEquals(200, stream.status);
        assertNull(stream.failure, "the body should end cleanly");
        assertEquals(3, contentChunks(stream).size());
        assertNotEquals("[DONE]", stream.lastData());
        assertTrue(stream.json().stream().noneMatch(c -> c.path("choices").path(0).path("finish_reason").isTextual()));
    }
}
