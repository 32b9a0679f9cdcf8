package io.aigw.gateway.api;

import io.aigw.gateway.routing.BackendHealth;
import io.aigw.gateway.routing.SharedCooldowns;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * {@code GET /q/backends} on the management port (public port + 1000, beside health and metrics; never on the public
 * one): the backends this replica tracks because they failed lately, with their breaker state. The gateway holds no
 * admin token, so this is not an {@code /admin/v1} API: like {@code /q/metrics} it is for operators and scrapers inside
 * the cluster. It names backends by provider-key id and model, never a key value.
 */
@Singleton
public class BackendHealthRoute {

    private final SharedCooldowns cooldowns;

    public BackendHealthRoute(SharedCooldowns cooldowns) {
        this.cooldowns = cooldowns;
    }

    void register(@Observes ManagementInterface management) {
        management.router().get("/q/backends").handler(ctx -> {
            JsonArray list = new JsonArray();
            for (BackendHealth b : cooldowns.health()) {
                list.add(new JsonObject().put("backend", b.backend()).put("state", b.state())
                        .put("recentFailures", b.recentFailures()).put("cooldownEndsAt", b.cooldownEndsAt())
                        .put("coolingForMs", b.coolingForMs()));
            }
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("backends", list).encode());
        });
    }
}
