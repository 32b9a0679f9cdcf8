package io.aigw.e2e.simulator;

import io.aigw.e2e.simulator.behavior.ScenarioCounters;
import io.aigw.e2e.simulator.recording.RecordedRequest;
import io.aigw.e2e.simulator.recording.RequestRecorder;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast HTTP server that plays OpenAI, Anthropic and OpenRouter for tests and benchmarks. Start it embedded with
 * {@link #start(SimulatorOptions)}, or as a process ({@code java -jar e2e.jar}, configured by environment).
 * Per-request behaviour is scripted with {@code x-sim-behavior} or a {@code model@script} suffix (see README).
 */
public final class ProviderSimulator implements AutoCloseable {

    private final Vertx vertx;
    private final SimulatorOptions options;
    private final int port;
    private final RequestRecorder recorder;
    private final ScenarioCounters scenarios;
    private final AtomicInteger openStreams;

    private ProviderSimulator(Vertx vertx, SimulatorOptions options, int port, RequestRecorder recorder,
                              ScenarioCounters scenarios, AtomicInteger openStreams) {
        this.vertx = vertx;
        this.options = options;
        this.port = port;
        this.recorder = recorder;
        this.scenarios = scenarios;
        this.openStreams = openStreams;
    }

    public static void main(String[] args) {
        ProviderSimulator simulator = run(System.getenv(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
    }

    /** Starts from environment variables (see {@link SimulatorOptions#fromEnvironment}) and prints one line. */
    public static ProviderSimulator run(Map<String, String> env, PrintStream out) {
        ProviderSimulator simulator = start(SimulatorOptions.fromEnvironment(env));
        out.println("AIGW provider simulator listening on " + simulator.baseUrl() + " (keys: "
                + simulator.options.keys().size() + ", recording: " + simulator.options.recording()
                + ", event loops: " + simulator.options.eventLoops() + ")");
        return simulator;
    }

    /** Starts with {@link SimulatorOptions#defaults()}: a random port on 127.0.0.1. */
    public static ProviderSimulator start() {
        return start(SimulatorOptions.defaults());
    }

    /** Starts and returns once the port is listening. */
    public static ProviderSimulator start(SimulatorOptions options) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops())
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
        try {
            RequestRecorder recorder = new RequestRecorder(options.recording(), options.recordLimit());
            ScenarioCounters scenarios = new ScenarioCounters();
            AtomicInteger openStreams = new AtomicInteger();
            SimulatorRequestHandler handler = new SimulatorRequestHandler(vertx,
                    new RequestGate(new HashSet<>(options.keys()), scenarios), recorder,
                    new AdminRoutes(recorder, scenarios, openStreams), openStreams);
            List<SimulatorVerticle> servers = new CopyOnWriteArrayList<>();
            // Port 0 on several event loops: a negative port makes Vert.x share one random port among them.
            int port = options.port() == 0 && options.eventLoops() > 1 ? -1 : options.port();
            await(vertx.deployVerticle(() -> {
                SimulatorVerticle server = new SimulatorVerticle(options.host(), port, handler);
                servers.add(server);
                return server;
            }, new DeploymentOptions().setInstances(options.eventLoops())));
            return new ProviderSimulator(vertx, options, servers.get(0).actualPort(), recorder, scenarios, openStreams);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port}, the base for every provider: append {@code /v1} (OpenAI) or {@code /api/v1} (OpenRouter); Anthropic SDKs take it as is. */
    public String baseUrl() {
        String host = options.host().equals("0.0.0.0") ? "127.0.0.1" : options.host();
        return "http://" + host + ":" + port;
    }

    /** The recorded requests, oldest first (empty when recording is off). */
    public List<RecordedRequest> received() {
        return recorder.snapshot(null);
    }

    /** The recorded requests on one path, oldest first. */
    public List<RecordedRequest> received(String path) {
        return recorder.snapshot(path);
    }

    public void clearReceived() {
        recorder.clear();
    }

    /** Restarts every {@code status-seq} scenario from its first status. */
    public void resetScenarios() {
        scenarios.reset();
    }

    /** Streams being written now; drops when a stream ends, breaks or its client goes away. */
    public int openStreams() {
        return openStreams.get();
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the provider simulator", e);
        } catch (Exception e) {
            throw new IllegalStateException("provider simulator: " + e.getMessage(), e);
        }
    }
}
