package io.aigw.e2e.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A server-sent event stream as a client saw it: the events in order with their arrival times, the comments, and
 * the IO failure that ended it, if any.
 */
final class SseCapture {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One event; {@code comment} is set (and the rest null) for a {@code :} line. */
    record SseEvent(String event, String data, String comment, long arrivedNanos) {

        JsonNode json() {
            try {
                return MAPPER.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean isData() {
            return data != null;
        }
    }

    final int status;
    final HttpHeaders headers;
    final long startedNanos;
    final long headersNanos;
    final List<SseEvent> items = new ArrayList<>();
    IOException failure;

    private SseCapture(int status, HttpHeaders headers, long startedNanos, long headersNanos) {
        this.status = status;
        this.headers = headers;
        this.startedNanos = startedNanos;
        this.headersNanos = headersNanos;
    }

    static SseCapture read(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        return read(http, request, item -> false);
    }

    /** Reads until the stream ends, fails, or {@code stopAfter} accepts an item (then closes the stream). */
    static SseCapture read(HttpClient http, HttpRequest request, Predicate<SseEvent> stopAfter)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        SseCapture capture = new SseCapture(response.statusCode(), response.headers(), started, System.nanoTime());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                SseEvent item = null;
                if (line.startsWith(":")) {
                    item = new SseEvent(null, null, line.substring(1).trim(), System.nanoTime());
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                } else if (line.isEmpty() && data != null) {
                    item = new SseEvent(event, data.toString(), null, System.nanoTime());
                    event = null;
                    data = null;
                }
                if (item != null) {
                    capture.items.add(item);
                    if (stopAfter.test(item)) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            capture.failure = e;
        }
        return capture;
    }

    List<SseEvent> dataEvents() {
        return items.stream().filter(SseEvent::isData).toList();
    }

    /** The JSON data of every event but {@code [DONE]}. */
    List<JsonNode> json() {
        return dataEvents().stream().filter(e -> !e.data().equals("[DONE]")).map(SseEvent::json).toList();
    }

    List<String> eventNames() {
        return dataEvents().stream().map(SseEvent::event).toList();
    }

    String lastData() {
        List<SseEvent> data = dataEvents();
        return data.isEmpty() ? null : data.get(data.size() - 1).data();
    }

    long millisSinceStart(SseEvent item) {
        return (item.arrivedNanos() - startedNanos) / 1_000_000;
    }
}
