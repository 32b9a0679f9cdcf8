package io.aigw.catalog.auth;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for key-service's {@code POST /internal/v1/admin-tokens:verify} (contracts.md): service token
 * required (401 otherwise), {@code {"token"}} in, {@code {"valid","id","expiresAt"}} out, {@code valid:false}
 * with nulls for any token it does not know. {@link #down(boolean)} makes it drop connections without answering.
 */
public class KeyServiceStub implements QuarkusTestResourceLifecycleManager {

    static final String SERVICE_TOKEN = "test-service-token";

    private static final Map<String, JsonObject> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    private static volatile boolean down;
    private Vertx vertx;
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            if (down) {
                request.connection().close();
                return;
            }
            if (!request.path().equals("/internal/v1/admin-tokens:verify") || !"POST".equals(request.method().name())) {
                request.response().setStatusCode(404).end();
                return;
            }
            if (!("Bearer " + SERVICE_TOKEN).equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).putHeader("content-type", "application/problem+json")
                        .end("{\"type\":\"https://aigw.dev/problems/unauthorized\",\"status\":401}");
                return;
            }
            request.body().onSuccess(body -> {
                String token = body.toJsonObject().getString("token");
                CALLS.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
                JsonObject answer = TOKENS.getOrDefault(token,
                        new JsonObject().put("valid", false).putNull("id").putNull("expiresAt"));
                request.response().putHeader("content-type", "application/json").end(answer.encode());
            });
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("key-service stub did not start", e);
        }
        return Map.of("aigw.kit.keys-url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Makes {@code token} valid (as issued with id {@code id}), until {@code expiresAt} (null = never). */
    static void issue(String token, String id, Instant expiresAt) {
        TOKENS.put(token, new JsonObject().put("valid", true).put("id", id)
                .put("expiresAt", expiresAt == null ? null : expiresAt.toString()));
    }

    static void revoke(String token) {
        TOKENS.remove(token);
    }

    /** How many verify calls named {@code token}. */
    static int calls(String token) {
        AtomicInteger n = CALLS.get(token);
        return n == null ? 0 : n.get();
    }

    static void down(boolean value) {
        down = value;
    }
}
