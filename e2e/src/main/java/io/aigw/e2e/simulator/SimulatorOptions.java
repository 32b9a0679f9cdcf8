package io.aigw.e2e.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How to run a simulator.
 *
 * @param host        interface to listen on
 * @param port        port to listen on; 0 picks a free one
 * @param keys        provider keys the simulator accepts; empty accepts any non-blank key
 * @param recording   whether to record requests (off for benchmarks)
 * @param recordLimit how many recorded requests to keep (the oldest are dropped)
 * @param eventLoops  Vert.x event loops serving the port
 */
public record SimulatorOptions(String host, int port, List<String> keys, boolean recording, int recordLimit,
                               int eventLoops) {

    public static final List<String> DEFAULT_KEYS = List.of("sim-key-1", "sim-key-2");
    public static final int DEFAULT_PORT = 9100;
    public static final int DEFAULT_RECORD_LIMIT = 2_000;

    public SimulatorOptions {
        keys = List.copyOf(keys);
        if (port < 0 || port > 65_535 || recordLimit < 1 || eventLoops < 1) {
            throw new IllegalArgumentException("invalid simulator options: port " + port + ", recordLimit "
                    + recordLimit + ", eventLoops " + eventLoops);
        }
    }

    /** For embedded use: 127.0.0.1, a random port, the default keys, recording on, one event loop. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions("127.0.0.1", 0, DEFAULT_KEYS, true, DEFAULT_RECORD_LIMIT, 1);
    }

    /**
     * For the standalone process: {@code AIGW_SIMULATOR_HOST} (127.0.0.1), {@code AIGW_SIMULATOR_PORT} (9100),
     * {@code AIGW_SIMULATOR_KEYS} (comma list, sim-key-1,sim-key-2), {@code AIGW_SIMULATOR_RECORD} (true),
     * {@code AIGW_SIMULATOR_EVENT_LOOPS} (1).
     */
    public static SimulatorOptions fromEnvironment(Map<String, String> env) {
        String keys = env.getOrDefault("AIGW_SIMULATOR_KEYS", String.join(",", DEFAULT_KEYS));
        return new SimulatorOptions(
                env.getOrDefault("AIGW_SIMULATOR_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("AIGW_SIMULATOR_PORT", Integer.toString(DEFAULT_PORT)).trim()),
                Arrays.stream(keys.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList(),
                Boolean.parseBoolean(env.getOrDefault("AIGW_SIMULATOR_RECORD", "true").trim()),
                DEFAULT_RECORD_LIMIT,
                Integer.parseInt(env.getOrDefault("AIGW_SIMULATOR_EVENT_LOOPS", "1").trim()));
    }

    public SimulatorOptions withHost(String host) {
        return new SimulatorOptions(host, port, keys, recording, recordLimit, eventLoops);
    }

    public SimulatorOptions withPort(int port) {
        return new SimulatorOptions(host, port, keys, recording, recordLimit, eventLoops);
    }

    public SimulatorOptions withKeys(String... keys) {
        return new SimulatorOptions(host, port, List.of(keys), recording, recordLimit, eventLoops);
    }

    public SimulatorOptions withRecording(boolean recording) {
        return new SimulatorOptions(host, port, keys, recording, recordLimit, eventLoops);
    }

    public SimulatorOptions withRecordLimit(int recordLimit) {
        return new SimulatorOptions(host, port, keys, recording, recordLimit, eventLoops);
    }

    public SimulatorOptions withEventLoops(int eventLoops) {
        return new SimulatorOptions(host, port, keys, recording, recordLimit, eventLoops);
    }
}
