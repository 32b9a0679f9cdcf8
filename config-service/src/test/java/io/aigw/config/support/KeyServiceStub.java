package io.aigw.config.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for key-service's {@code POST /internal/v1/admin-tokens:verify} (contract-shaped: service
 * token required, {@code {"token"}} in, {@code {"valid","id","expiresAt"}} out; unknown tokens are
 * invalid). Tests steer it over a second, control port ({@link KeyServiceStubControl}): the answer per
 * token, a mode ({@code up}, {@code down} = port closed, {@code error} = 500, {@code slow} = answers
 * after 1.5 s), and how many verify calls each token caused.
 */
public class KeyServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final String INVALID = "{\"valid\":false,\"id\":null,\"expiresAt\":null}";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile String mode = "up";
    private HttpServer verify;
    private HttpServer control;
    private int verifyPort;

    @Override
    public Map<String, String> start() {
        try {
            verify = startVerify(0);
            verifyPort = verify.getAddress().getPort();
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            control.createContext("/stub/", this::control);
            control.setExecutor(executor);
            control.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the key-service stub", e);
        }
        return Map.of("aigw.kit.keys-url", "http://127.0.0.1:" + verifyPort,
                "aigw.test.key-stub-control-url", "http://127.0.0.1:" + control.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (verify != null) {
            verify.stop(0);
        }
        if (control != null) {
            control.stop(0);
        }
        executor.shutdownNow();
    }

    private HttpServer startVerify(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/internal/v1/admin-tokens:verify", this::verify);
        server.setExecutor(executor);
        server.start();
        return server;
    }

    private void verify(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, "{}");
            return;
        }
        if (!"Bearer test-service-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"type\":\"https://aigw.dev/problems/unauthorized\",\"status\":401}");
            return;
        }
        JsonNode body = mapper.readTree(exchange.getRequestBody());
        String token = body.path("token").asText();
        calls.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
        switch (mode) {
            case "error" -> reply(exchange, 500, "{\"type\":\"https://aigw.dev/problems/internal\",\"status\":500}");
            case "slow" -> {
                sleep(1500);
                reply(exchange, 200, answers.getOrDefault(token, INVALID));
            }
            default -> reply(exchange, 200, answers.getOrDefault(token, INVALID));
        }
    }

    /** {@code PUT /stub/tokens/{token}} (body = the answer), {@code PUT /stub/mode/{mode}}, {@code GET /stub/calls/{token}}. */
    private void control(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String what = parts.length > 3 ? parts[2] : "";
        String arg = parts.length > 3 ? parts[3] : "";
        switch (what) {
            case "tokens" -> {
                answers.put(arg, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                reply(exchange, 204, null);
            }
            case "mode" -> {
                setMode(arg);
                reply(exchange, 204, null);
            }
            case "calls" -> reply(exchange, 200, String.valueOf(calls.getOrDefault(arg, new AtomicInteger()).get()));
            default -> reply(exchange, 404, "{}");
        }
    }

    private synchronized void setMode(String next) throws IOException {
        if ("down".equals(next) && verify != null) {
            verify.stop(0);
            verify = null;
        } else if (!"down".equals(next) && verify == null) {
            verify = startVerify(verifyPort);
        }
        mode = next;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
