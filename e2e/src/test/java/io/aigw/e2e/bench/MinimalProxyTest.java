package io.aigw.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.e2e.simulator.ProviderSimulator;
import io.aigw.e2e.simulator.SimulatorOptions;
import io.aigw.e2e.simulator.recording.RecordedRequest;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's floor target does what the gateway's cheapest path does: key look-up, model rewrite, relay. */
class MinimalProxyTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private ProviderSimulator simulator;
    private Vertx vertx;
    private String url;

    @BeforeEach
    void start() throws Exception {
        simulator = ProviderSimulator.start(SimulatorOptions.defaults());
        vertx = Vertx.vertx();
        int port = MinimalProxy.start(vertx, 0, URI.create(simulator.baseUrl()), Map.of("Bearer access-1", "sim-key-1"), 2);
        url = "http://127.0.0.1:" + port + "/v1/chat/completions";
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        simulator.close();
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldForwardWithTheProviderKeyAndTheModelWithoutItsProvider() throws Exception {
        HttpResponse<String> answer = post("access-1",
                "{\"model\":\"simulator:bench-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"chat.completion\""), answer.body());
        List<RecordedRequest> received = simulator.received("/v1/chat/completions");
        assertEquals("bench-model", received.get(0).json().path("model").asText());
        assertEquals("Bearer sim-key-1", received.get(0).header("authorization"));
    }

    @Test
    void shouldRelayAWholeStream() throws Exception {
        HttpResponse<String> answer = post("access-1", "{\"model\":\"simulator:bench-model@chunks=20\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertEquals(200, answer.statusCode());
        assertEquals(22, answer.body().split("\"chat.completion.chunk\"", -1).length - 1, answer.body());
        assertTrue(answer.body().endsWith("data: [DONE]\n\n"), answer.body());
    }

    @Test
    void shouldRefuseAnUnknownKeyWithoutCallingTheProvider() throws Exception {
        HttpResponse<String> answer = post("access-2", "{\"model\":\"simulator:bench-model\",\"messages\":[]}");

        assertEquals(401, answer.statusCode());
        assertEquals(0, simulator.received("/v1/chat/completions").size());
    }
}
