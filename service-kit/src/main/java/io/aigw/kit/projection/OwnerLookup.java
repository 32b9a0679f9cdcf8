package io.aigw.kit.projection;

import io.aigw.kit.KitConfig;
import io.aigw.kit.auth.ServiceTokens;
import io.aigw.kit.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Read-your-writes across services: when a referenced id is missing from a projection, the owner's internal API is
 * asked (service token, short {@code owner-timeout}) before anything is refused as unknown. 200 = it exists (the
 * owner's JSON), 404 = it does not (null); anything else, or no answer in time, is a 503: "unknown" is never said on
 * a guess.
 */
@ApplicationScoped
public class OwnerLookup {

    private final WebClient client;
    private final ServiceTokens tokens;
    private final KitConfig config;

    public OwnerLookup(Vertx vertx, ServiceTokens tokens, KitConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(8)
                .setConnectTimeout((int) config.ownerTimeout().toMillis()));
        this.tokens = tokens;
        this.config = config;
    }

    /** key-service's {@code /internal/v1/provider-keys/{id}}. */
    public Uni<JsonObject> providerKey(String id) {
        return find(config.keysUrl(), "/internal/v1/provider-keys/", id, "key-service");
    }

    /**
     * key-service's {@code /internal/v1/provider-keys/{id}?lock=share}, for a write that adds a reference to the key:
     * answered only when no delete of the key is in progress (409 otherwise, passed on to the caller).
     */
    public Uni<JsonObject> providerKeyForReference(String id) {
        return find(config.keysUrl(), "/internal/v1/provider-keys/", id, "?lock=share", "key-service");
    }

    /** config-service's {@code /internal/v1/configuration-referrers?providerKey=}: the configurations that use it. */
    public Uni<java.util.List<String>> configurationsUsingProviderKey(String id) {
        return ids(find(config.configUrl(), "/internal/v1/configuration-referrers?providerKey=", id, "",
                "config-service"));
    }

    /** config-service's {@code /internal/v1/configurations/{id}?lock=share}, for a write that binds a key to it. */
    public Uni<JsonObject> configurationForReference(String id) {
        return find(config.configUrl(), "/internal/v1/configurations/", id, "?lock=share", "config-service");
    }

    /** key-service's {@code /internal/v1/access-key-referrers?configurationId=}: the access keys bound to it. */
    public Uni<java.util.List<String>> accessKeysUsingConfiguration(String id) {
        return ids(find(config.keysUrl(), "/internal/v1/access-key-referrers?configurationId=", id, "", "key-service"));
    }

    private static Uni<java.util.List<String>> ids(Uni<JsonObject> page) {
        return page.map(answer -> {
            java.util.List<String> ids = new java.util.ArrayList<>();
            if (answer != null && answer.getJsonArray("data") != null) {
                answer.getJsonArray("data").forEach(item -> ids.add(String.valueOf(item)));
            }
            return ids;
        });
    }

    /** model-catalog-service's {@code /internal/v1/providers/{id}}. */
    public Uni<JsonObject> provider(String id) {
        return find(config.catalogUrl(), "/internal/v1/providers/", id, "model-catalog-service");
    }

    /**
     * model-catalog-service's {@code /internal/v1/providers/{id}?lock=share}, for a write that adds a reference to the
     * provider (a provider key): answered only when no delete of the provider is in progress (409 otherwise).
     */
    public Uni<JsonObject> providerForReference(String id) {
        return find(config.catalogUrl(), "/internal/v1/providers/", id, "?lock=share", "model-catalog-service");
    }

    /** config-service's {@code /internal/v1/configuration-referrers?provider=}: the configurations naming it. */
    public Uni<java.util.List<String>> configurationsUsingProvider(String id) {
        return ids(find(config.configUrl(), "/internal/v1/configuration-referrers?provider=", id, "", "config-service"));
    }

    /** model-catalog-service's {@code /internal/v1/models?address=provider:model}: one model, null when none. */
    public Uni<JsonObject> model(String address) {
        return find(config.catalogUrl(), "/internal/v1/models?address=", address, "", "model-catalog-service");
    }

    /**
     * model-catalog-service's {@code /internal/v1/models?address=provider:model&lock=share}, for a configuration write
     * that names the model: answered only when no delete of it is in progress (409 otherwise); null when none.
     */
    public Uni<JsonObject> modelForReference(String address) {
        return find(config.catalogUrl(), "/internal/v1/models?address=", address, "&lock=share",
                "model-catalog-service");
    }

    /** config-service's {@code /internal/v1/configuration-referrers?model=}: the configurations naming the address. */
    public Uni<java.util.List<String>> configurationsUsingModel(String address) {
        return ids(find(config.configUrl(), "/internal/v1/configuration-referrers?model=", address, "",
                "config-service"));
    }

    /** key-service's {@code /internal/v1/provider-key-referrers?providerId=}: the provider keys of the provider. */
    public Uni<java.util.List<String>> providerKeysUsingProvider(String id) {
        return ids(find(config.keysUrl(), "/internal/v1/provider-key-referrers?providerId=", id, "", "key-service"));
    }

    /**
     * model-catalog-service's {@code /internal/v1/virtual-models/{name}?lock=share}, for a configuration write whose
     * access scope names it: answered only when no delete of it is in progress (409 otherwise).
     */
    public Uni<JsonObject> virtualModelForReference(String name) {
        return find(config.catalogUrl(), "/internal/v1/virtual-models/", name, "?lock=share", "model-catalog-service");
    }

    /** config-service's {@code /internal/v1/configuration-referrers?virtualModel=}: the configurations naming it. */
    public Uni<java.util.List<String>> configurationsUsingVirtualModel(String name) {
        return ids(find(config.configUrl(), "/internal/v1/configuration-referrers?virtualModel=", name, "",
                "config-service"));
    }

    /** model-catalog-service's {@code /internal/v1/virtual-models/{name}} (any case; the answer spells it). */
    public Uni<JsonObject> virtualModel(String name) {
        return find(config.catalogUrl(), "/internal/v1/virtual-models/", name, "model-catalog-service");
    }

    /** config-service's {@code /internal/v1/configurations/{id}}. */
    public Uni<JsonObject> configuration(String id) {
        return find(config.configUrl(), "/internal/v1/configurations/", id, "config-service");
    }

    Uni<JsonObject> find(String baseUrl, String path, String id, String owner) {
        return find(baseUrl, path, id, "", owner);
    }

    /** One look-up; tests replace it ({@code FakeOwners}). */
    protected Uni<JsonObject> find(String baseUrl, String path, String id, String query, String owner) {
        return Uni.createFrom().deferred(() -> {
            io.vertx.core.Context caller = Vertx.currentContext();
            Uni<JsonObject> answer = ask(baseUrl, path, id, query, owner);
            // back on the caller's context: a Hibernate Reactive session must not change threads
            return caller == null ? answer : answer.emitOn(command -> caller.runOnContext(ignored -> command.run()));
        });
    }

    private Uni<JsonObject> ask(String baseUrl, String path, String id, String query, String owner) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String url = base + path + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + query;
        return Uni.createFrom().completionStage(() -> client.getAbs(url).timeout(config.ownerTimeout().toMillis())
                        .putHeader("Authorization", tokens.serviceAuthorization())
                        .putHeader("Accept", "application/json").send().toCompletionStage())
                .onFailure().transform(e -> {
                    Log.warnf("%s did not answer a look-up (%s): %s", owner, url, e.getMessage());
                    return ProblemException.unavailable(owner + " cannot be reached to check a reference; retry.");
                })
                .map(response -> switch (response.statusCode()) {
                    case 200 -> response.bodyAsJsonObject();
                    case 404 -> null;
                    case 409 -> throw ProblemException.conflict(owner + " is changing or deleting " + id
                            + " right now; retry.");
                    default -> {
                        Log.warnf("%s answered HTTP %d to a look-up (%s)", owner, response.statusCode(), url);
                        throw ProblemException.unavailable(owner + " cannot check a reference now; retry.");
                    }
                });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
