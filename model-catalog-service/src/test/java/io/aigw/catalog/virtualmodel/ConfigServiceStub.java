package io.aigw.catalog.virtualmodel;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for config-service's {@code GET /internal/v1/virtual-model-referrers?name=} (service token required,
 * 401 otherwise): the configurations a test {@link #names}, none for any other name (matched in any case).
 * {@link #down(boolean)} makes it drop connections without answering. Every catalog test uses it (a virtual model's
 * delete asks it).
 */
public class ConfigServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, List<String>> REFERRERS = new ConcurrentHashMap<>();
    private static volatile boolean down;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (down) {
                request.connection().close();
                return;
            }
            if (!request.path().equals("/internal/v1/virtual-model-referrers")) {
                request.response().setStatusCode(404).end();
                return;
            }
            if (!"Bearer test-service-token".equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end();
                return;
            }
            List<String> ids = REFERRERS.getOrDefault(request.getParam("name").toLowerCase(), List.of());
            request.response().putHeader("content-type", "application/json")
                    .end(new JsonObject().put("data", new JsonArray(ids)).putNull("nextCursor").encode());
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("config-service stub did not start", e);
        }
        return Map.of("aigw.kit.config-url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Makes config-service say that configurations {@code ids} name virtual model {@code name} (none: forget it). */
    static void names(String name, String... ids) {
        if (ids.length == 0) {
            REFERRERS.remove(name.toLowerCase());
        } else {
            REFERRERS.put(name.toLowerCase(), List.of(ids));
        }
    }

    static void down(boolean unreachable) {
        down = unreachable;
    }
}
