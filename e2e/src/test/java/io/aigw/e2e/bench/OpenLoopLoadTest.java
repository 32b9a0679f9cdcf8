package io.aigw.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aigw.e2e.simulator.ProviderSimulator;
import io.aigw.e2e.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;

/** The open-loop generator against the simulator: rate kept, no errors, stream chunks counted one by one. */
class OpenLoopLoadTest {

    @Test
    void shouldHoldTheRateAndSeeEachSpacedStreamChunkAsItsOwnDelivery() throws Exception {
        try (ProviderSimulator sim = ProviderSimulator.start(SimulatorOptions.defaults().withRecording(false))) {
            LoadResult result = OpenLoopLoad.run(LoadOptions.parse(
                    "--url", sim.baseUrl() + "/v1/chat/completions", "--rate", "50", "--duration", "1s",
                    "--warmup", "200ms", "--connections", "32", "--header", "Authorization: Bearer sim-key-1",
                    "--body", "{\"model\":\"m@chunks=4,chunk-interval-ms=40\",\"stream\":true,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));

            assertEquals(50, result.sent());
            assertEquals(50, result.completed(), result.toJson());
            assertEquals(0, result.errors(), result.toJson());
            // role chunk, 4 content chunks, finish chunk, [DONE]; the content chunks come 40 ms apart (a loaded
            // machine may merge a few, a buffering path would deliver each stream in one piece)
            assertEquals(7, result.minEvents(), result.toJson());
            assertTrue(result.deliveriesPerResponse() > 3, result.toJson());
            assertTrue(result.latencyMs().get("p50") >= 120, result.toJson());
            assertTrue(result.ttfbMs().get("p50") < result.latencyMs().get("p50"), result.toJson());
        }
    }

    @Test
    void shouldChargeTheWaitOfAnOverloadedTargetToItsLatency() throws Exception {
        try (ProviderSimulator sim = ProviderSimulator.start(SimulatorOptions.defaults().withRecording(false))) {
            // one connection, 40 ms per answer: at most 25 req/s, asked for 50
            LoadResult result = OpenLoopLoad.run(LoadOptions.parse(
                    "--url", sim.baseUrl() + "/v1/chat/completions", "--rate", "50", "--duration", "600ms",
                    "--warmup", "0s", "--connections", "1", "--header", "Authorization: Bearer sim-key-1",
                    "--body", "{\"model\":\"m@latency-ms=40\",\"messages\":[]}"));

            assertEquals(30, result.completed(), result.toJson());
            assertEquals(0, result.errors(), result.toJson());
            assertTrue(result.achievedRate() < 30, result.toJson());
            // the last request waited for the 29 before it: ~0.6 s, though each took ~40 ms once it had the connection
            assertTrue(result.latencyMs().get("max") > 400, result.toJson());
            assertTrue(result.serviceMs().get("p50") < 200, result.toJson());
        }
    }

    @Test
    void shouldCountErrorStatuses() throws Exception {
        try (ProviderSimulator sim = ProviderSimulator.start(SimulatorOptions.defaults().withRecording(false))) {
            LoadResult result = OpenLoopLoad.run(LoadOptions.parse(
                    "--url", sim.baseUrl() + "/v1/chat/completions", "--rate", "50", "--duration", "400ms",
                    "--warmup", "0s", "--header", "Authorization: Bearer wrong-key",
                    "--body", "{\"model\":\"m\",\"messages\":[]}"));

            assertEquals(20, result.statusErrors(), result.toJson());
            assertEquals(0, result.completed());
        }
    }
}
