package io.aigw.e2e.simulator;

import static io.aigw.e2e.simulator.SimulatorClient.chat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorStartupTest {

    @Test
    void shouldUseDocumentedDefaultsWhenEnvironmentIsEmpty() {
        SimulatorOptions options = SimulatorOptions.fromEnvironment(Map.of());

        assertEquals("127.0.0.1", options.host());
        assertEquals(9100, options.port());
        assertEquals(List.of("sim-key-1", "sim-key-2"), options.keys());
        assertTrue(options.recording());
        assertEquals(1, options.eventLoops());
    }

    @Test
    void shouldReadOptionsFromEnvironment() {
        SimulatorOptions options = SimulatorOptions.fromEnvironment(Map.of("AIGW_SIMULATOR_HOST", "0.0.0.0",
                "AIGW_SIMULATOR_PORT", "9200", "AIGW_SIMULATOR_KEYS", " k-a , k-b ,", "AIGW_SIMULATOR_RECORD", "false",
                "AIGW_SIMULATOR_EVENT_LOOPS", "2"));

        assertEquals("0.0.0.0", options.host());
        assertEquals(9200, options.port());
        assertEquals(List.of("k-a", "k-b"), options.keys());
        assertFalse(options.recording());
        assertEquals(2, options.eventLoops());
    }

    @Test
    void shouldStartFromEnvironmentAndPrintOneListeningLine() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("AIGW_SIMULATOR_PORT", "0", "AIGW_SIMULATOR_KEYS", "env-key-1",
                "AIGW_SIMULATOR_RECORD", "false");

        try (ProviderSimulator simulator = ProviderSimulator.run(env, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            String output = printed.toString(StandardCharsets.UTF_8);
            assertEquals(1, output.lines().count());
            assertTrue(output.contains("listening on " + simulator.baseUrl()), output);
            SimulatorClient client = new SimulatorClient(simulator);
            assertEquals(200, client.get("/_sim/health").statusCode());
            assertEquals(200, client.post("/v1/chat/completions", chat("gpt-4o", ""),
                    "authorization", "Bearer env-key-1").statusCode());
            assertEquals(401, client.post("/v1/chat/completions", chat("gpt-4o", ""),
                    "authorization", "Bearer sim-key-1").statusCode());
            assertTrue(simulator.received().isEmpty());
        }
    }

    @Test
    void shouldServeOneRandomPortFromSeveralEventLoops() throws Exception {
        try (ProviderSimulator simulator = ProviderSimulator.start(SimulatorOptions.defaults().withEventLoops(2))) {
            SimulatorClient client = new SimulatorClient(simulator);
            assertTrue(simulator.port() > 0);
            for (int i = 0; i < 4; i++) {
                assertEquals(200, client.post("/v1/chat/completions", chat("gpt-4o", ""), SimulatorClient.OPENAI)
                        .statusCode());
            }
            assertEquals(4, simulator.received().size());
        }
    }
}
