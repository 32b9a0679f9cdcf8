package io.aigw.catalog.virtualmodel;

import io.aigw.kit.KitConfig;
import io.aigw.kit.auth.ServiceTokens;
import io.aigw.kit.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks config-service which configurations' access scope names a virtual model
 * ({@code GET /internal/v1/virtual-model-referrers?name=}, service token, the kit's short {@code owner-timeout}): the
 * stored configurations themselves, so those the configuration projection never saw (stored before the catalog
 * followed their events) count too. No answer in time, or any answer but 200, is a 503: a delete never goes ahead on
 * a guess.
 */
@ApplicationScoped
public class ConfigurationReferrers {

    private final WebClient client;
    private final ServiceTokens tokens;
    private final KitConfig config;

    public ConfigurationReferrers(Vertx vertx, ServiceTokens tokens, KitConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(4)
                .setConnectTimeout((int) config.ownerTimeout().toMillis()));
        this.tokens = tokens;
        this.config = config;
    }

    /** The ids of the configurations whose access scope names virtual model {@code name} (any case). */
    public Uni<List<String>> ofVirtualModel(String name) {
        String base = config.configUrl().endsWith("/") ? config.configUrl().substring(0, config.configUrl().length() - 1)
                : config.configUrl();
        String url = base + "/internal/v1/virtual-model-referrers?name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return Uni.createFrom().deferred(() -> {
            io.vertx.core.Context caller = Vertx.currentContext();
            Uni<List<String>> answer = Uni.createFrom().completionStage(() -> client.getAbs(url)
                            .timeout(config.ownerTimeout().toMillis())
                            .putHeader("Authorization", tokens.serviceAuthorization())
                            .putHeader("Accept", "application/json").send().toCompletionStage())
                    .onFailure().transform(e -> {
                        Log.warnf("config-service did not answer a look-up (%s): %s", url, e.getMessage());
                        return unavailable();
                    })
                    .map(response -> {
                        if (response.statusCode() != 200) {
                            Log.warnf("config-service answered HTTP %d to a look-up (%s)", response.statusCode(), url);
                            throw unavailable();
                        }
                        List<String> ids = new ArrayList<>();
                        JsonArray data = response.bodyAsJsonObject().getJsonArray("data");
                        if (data != null) {
                            data.forEach(item -> ids.add(String.valueOf(item)));
                        }
                        return ids;
                    });
            // back on the caller's context: a Hibernate Reactive session must not change threads
            return caller == null ? answer : answer.emitOn(command -> caller.runOnContext(ignored -> command.run()));
        });
    }

    private static ProblemException unavailable() {
        return ProblemException.unavailable("config-service cannot be reached to check which configurations name the"
                + " virtual model; nothing was deleted, retry.");
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
