package io.aigw.e2e.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP/1.1 client for the simulator, with the providers' auth headers at hand. */
final class SimulatorClient {

    static final String[] OPENAI = {"authorization", "Bearer sim-key-1"};
    static final String[] ANTHROPIC = {"x-api-key", "sim-key-1", "anthropic-version", "2023-06-01"};

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;

    SimulatorClient(ProviderSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        return HTTP.send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return HTTP.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, Duration timeout, String... headers)
            throws IOException, InterruptedException {
        return HTTP.send(request(path, headers).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts and reads the answer as server-sent events, timing each one. */
    SseCapture stream(String path, String body, String... headers) throws IOException, InterruptedException {
        return SseCapture.read(HTTP, request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Like {@link #stream}, but closes the stream as soon as {@code stopAfter} accepts an event. */
    SseCapture streamUntil(String path, String body, Predicate<SseCapture.SseEvent> stopAfter, String... headers)
            throws IOException, InterruptedException {
        return SseCapture.read(HTTP, request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                stopAfter);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("content-type", "application/json").timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    static String chat(String model, String extraFields) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there, simulator!\"}]"
                + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }

    static String anthropicMessage(String model, String extraFields) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":1024,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hello there, simulator!\"}]" + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
    }
}
