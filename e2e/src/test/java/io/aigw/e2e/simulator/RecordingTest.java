package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.OPENAI;
import static io.aigw.e2e.simulator.SimulatorClient.chat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.e2e.simulator.recording.RecordedRequest;
import io.aigw.e2e.simulator.recording.RequestRecorder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingTest extends SimulatorTest {

    @BeforeEach
    void forget() {
        simulator.clearReceived();
    }

    @Test
    void shouldRecordMethodPathQueryHeadersBodyAndArrivalTime() throws Exception {
        Instant before = Instant.now();
        String body = chat("gpt-4o@status=429", "");
        client.post("/v1/chat/completions?trace=1", body, "authorization", "Bearer sim-key-2", "X-Custom-Header", "abc");

        List<RecordedRequest> received = simulator.received();
        assertEquals(1, received.size());
        RecordedRequest request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("trace=1", request.query());
        assertEquals("Bearer sim-key-2", request.header("Authorization"));
        assertEquals("abc", request.header("x-custom-header"));
        assertEquals(body, request.body());
        assertEquals("gpt-4o@status=429", request.json().path("model").asText());
        assertFalse(request.receivedAt().isBefore(before.minusMillis(1)));
    }

    @Test
    void shouldKeepTheNewestRequestsWithinABoundOnTheirBodiesWhenPromptsAreLarge() throws Exception {
        String prompt = "x".repeat(128 * 1024); // the benchmark's chat-large prompt: 2,000 of these filled the heap
        int sent = (int) (RequestRecorder.MAX_BODY_CHARS / prompt.length()) * 2;
        for (int i = 0; i < sent; i++) {
            client.post("/v1/chat/completions", chat("large-" + i, "\"user\":\"" + prompt + "\""), OPENAI);
        }

        List<RecordedRequest> received = simulator.received();
        long kept = received.stream().mapToLong(r -> r.body().length()).sum();
        assertTrue(kept <= RequestRecorder.MAX_BODY_CHARS, kept + " characters of bodies kept");
        assertTrue(received.size() < sent, received.size() + " of " + sent + " requests kept");
        assertEquals("large-" + (sent - 1), received.get(received.size() - 1).json().path("model").asText());
    }

    @Test
    void shouldRecordRequestsThatGetNoAnswer() throws Exception {
        try {
            client.post("/v1/chat/completions", chat("gpt-4o@reset=1", ""), OPENAI);
        } catch (java.io.IOException expected) {
            // reset by design
        }
        assertEquals(1, simulator.received("/v1/chat/completions").size());
    }

    @Test
    void shouldServeRecordedRequestsAsJsonNewestLastFilteredByPath() throws Exception {
        client.post("/v1/chat/completions", chat("first", ""), OPENAI);
        client.post("/v1/embeddings", "{\"model\":\"e\",\"input\":\"x\"}", OPENAI);
        client.post("/v1/chat/completions", chat("second", ""), OPENAI);

        given().baseUri(simulator.baseUrl()).queryParam("path", "/v1/chat/completions")
                .when().get("/_sim/requests")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].method", equalTo("POST"))
                .body("[0].headers.authorization[0]", equalTo("Bearer sim-key-1"))
                .body("[1].body", equalTo(chat("second", "")));
        given().baseUri(simulator.baseUrl()).when().get("/_sim/requests").then().body("$", hasSize(3));
    }

    @Test
    void shouldForgetRecordedRequestsOnDelete() throws Exception {
        client.post("/v1/chat/completions", chat("gpt-4o", ""), OPENAI);

        given().baseUri(simulator.baseUrl()).when().delete("/_sim/requests").then().statusCode(204);

        assertTrue(simulator.received().isEmpty());
    }

    @Test
    void shouldKeepOnlyTheNewestRequestsBeyondTheLimit() throws Exception {
        try (ProviderSimulator small = ProviderSimulator.start(SimulatorOptions.defaults().withRecordLimit(3))) {
            SimulatorClient smallClient = new SimulatorClient(small);
            for (int i = 1; i <= 5; i++) {
                smallClient.post("/v1/chat/completions", chat("model-" + i, ""), OPENAI);
            }
            assertEquals(List.of("model-3", "model-4", "model-5"),
                    small.received().stream().map(r -> r.json().path("model").asText()).toList());
        }
    }

    @Test
    void shouldRecordNothingWhenRecordingIsOff() throws Exception {
        try (ProviderSimulator quiet = ProviderSimulator.start(SimulatorOptions.defaults().withRecording(false))) {
            assertEquals(200, new SimulatorClient(quiet).post("/v1/chat/completions", chat("gpt-4o", ""), OPENAI)
                    .statusCode());
            assertTrue(quiet.received().isEmpty());
        }
    }

    @Test
    void shouldAnswerHealthWithoutRecordingIt() {
        given().baseUri(simulator.baseUrl()).when().get("/_sim/health")
                .then().statusCode(200).body("status", equalTo("UP"));
        assertTrue(simulator.received().isEmpty());
    }
}
