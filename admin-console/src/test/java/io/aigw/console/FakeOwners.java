package io.aigw.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three small owning services and one gateway on loopback, each answering what it received (owner, method, path,
 * query, headers, body) the way the real ones answer: the kit's 401 without the token, problems, ETags, Location.
 */
public class FakeOwners implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "good-admin-token";
    public static final String CONFLICT = "{\"type\":\"https://aigw.dev/problems/conflict\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"Provider key pk_1 is referenced by configuration cfg_2.\","
            + "\"instance\":\"/admin/v1/provider-keys/pk_1\",\"errors\":[{\"pointer\":\"/id\",\"message\":\"in use\"}]}";
    public static final AtomicInteger HITS = new AtomicInteger();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String owner : new String[] {"key", "config", "catalog"}) {
            int port = listen(owner);
            config.put("aigw.console.owners." + owner + ".url", "http://127.0.0.1:" + port);
            config.put("aigw.console.owners." + owner + ".management-url", "http://127.0.0.1:" + port);
        }
        config.put("aigw.console.gateways", "http://127.0.0.1:" + listen("gateway"));
        return config;
    }

    private int listen(String owner) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body()
                .onSuccess(body -> answer(owner, request, body.toString())));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String owner, HttpServerRequest request, String body) {
        if (request.path().equals("/q/health/ready")) {
            JsonArray checks = new JsonArray();
            if (owner.equals("gateway")) {
                checks.add(new JsonObject().put("name", "routing-snapshot").put("status", "UP")
                        .put("data", new JsonObject().put("version", "c3.g4.k5")));
            }
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", "UP").put("checks", checks).encode());
            return;
        }
        if (request.path().equals("/q/metrics") && owner.equals("gateway")) { // the gauge as Micrometer writes it
            request.response().putHeader("Content-Type", "text/plain").end("""
                    # TYPE aigw_sync_consumer_lag gauge
                    aigw_sync_consumer_lag{topic="access-key-changes"} 0.0
                    aigw_sync_consumer_lag{topic="config-changes"} 5.0
                    aigw_sync_consumer_lag{instance="gateway-1",topic="catalog-changes",} 2.0
                    aigw_sync_snapshot_age_seconds 1.5
                    """);
            return;
        }
        HITS.incrementAndGet();
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"https://aigw.dev/problems/unauthorized\",\"status\":401}");
            return;
        }
        if (request.path().endsWith("/conflict")) {
            request.response().setStatusCode(409).putHeader("Content-Type", "application/problem+json").end(CONFLICT);
            return;
        }
        JsonObject headers = new JsonObject();
        // a header sent twice is echoed as its values joined with ", " (a doubled traceparent shows)
        request.headers().names().forEach(name -> headers.put(name.toLowerCase(),
                String.join(", ", request.headers().getAll(name))));
        JsonObject echo = new JsonObject().put("owner", owner).put("method", request.method().name())
                .put("path", request.path()).put("query", request.query()).put("headers", headers).put("body", body);
        int status = request.method().name().equals("POST") ? 201 : 200;
        if (status == 201) {
            request.response().putHeader("Location", request.path() + "/new_1");
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("ETag", "\"7\"").putHeader("Set-Cookie", "owner=1").end(echo.encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
