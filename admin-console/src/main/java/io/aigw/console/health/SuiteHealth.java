package io.aigw.console.health;

import io.aigw.console.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks every part of the suite for its readiness, in parallel, without blocking; each gateway replica also for its
 * change-consumer lag.
 */
@Singleton
public class SuiteHealth {

    private static final long TIMEOUT_MS = 3_000;

    private final WebClient client;
    private final ConsoleConfig config;

    public SuiteHealth(Vertx vertx, ConsoleConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000));
        this.config = config;
    }

    /** True when key-service accepts this Authorization header as an admin token. */
    Uni<Boolean> adminAccepted(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer ", 0, 7)) {
            return Uni.createFrom().item(false);
        }
        Future<Boolean> accepted = client.getAbs(config.owners().get("key").url() + "/admin/v1/access-keys?limit=1")
                .putHeader("Authorization", authorization).timeout(TIMEOUT_MS).send()
                .map(answer -> answer.statusCode() == 200);
        return Uni.createFrom().completionStage(accepted.toCompletionStage());
    }

    Uni<JsonObject> readiness() {
        List<Future<JsonObject>> services = new ArrayList<>();
        for (Map.Entry<String, ConsoleConfig.OwnerConfig> owner : config.owners().entrySet()) {
            services.add(ready(owner.getKey(), owner.getValue().managementUrl()));
        }
        List<Future<JsonObject>> gateways = new ArrayList<>();
        List<String> urls = config.gateways().orElse(List.of());
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            gateways.add(ready("gateway-" + (i + 1), url).compose(part -> withLag(part, url)));
        }
        Future<JsonObject> all = Future.join(Future.join(services), Future.join(gateways))
                .map(ignored -> new JsonObject().put("services", collect(services)).put("gateways", collect(gateways)));
        return Uni.createFrom().completionStage(all.toCompletionStage());
    }

    private Future<JsonObject> ready(String name, String managementUrl) {
        JsonObject part = new JsonObject().put("name", name).put("url", managementUrl);
        return client.getAbs(managementUrl + "/q/health/ready").timeout(TIMEOUT_MS).send()
                .map(answer -> {
                    JsonObject body = parse(answer.bodyAsString());
                    JsonArray checks = body.getJsonArray("checks", new JsonArray());
                    part.put("status", body.getString("status", answer.statusCode() == 200 ? "UP" : "DOWN"))
                            .put("checks", checks);
                    checks.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                            .filter(check -> "routing-snapshot".equals(check.getString("name")))
                            .findFirst().map(check -> check.getJsonObject("data", new JsonObject()).getValue("version"))
                            .ifPresent(version -> part.put("snapshotVersion", String.valueOf(version)));
                    return part;
                })
                .otherwise(failure -> part.put("status", "UNREACHABLE").put("checks", new JsonArray()));
    }

    /** Adds a gateway replica's change-consumer lag (from its Prometheus page) when it reports one. */
    private Future<JsonObject> withLag(JsonObject part, String managementUrl) {
        return client.getAbs(managementUrl + "/q/metrics").timeout(TIMEOUT_MS).send()
                .map(answer -> {
                    JsonObject lag = answer.statusCode() == 200 ? ConsumerLag.of(answer.bodyAsString()) : null;
                    return lag == null ? part : part.put("consumerLag", lag);
                })
                .otherwise(part);
    }

    private static JsonObject parse(String body) {
        try {
            return body == null ? new JsonObject() : new JsonObject(body);
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    private static JsonArray collect(List<Future<JsonObject>> parts) {
        JsonArray array = new JsonArray();
        parts.forEach(part -> array.add(part.result()));
        return array;
    }
}
