package io.aigw.config.auth;

import io.aigw.config.ConfigServiceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Calls key-service's {@code POST /internal/v1/admin-tokens:verify} with the service token, non-blocking.
 * Fails (rather than answering "invalid") on a transport error, a timeout, a status other than 200 or a
 * body that is not the contract's shape; failure messages never contain the token.
 */
@ApplicationScoped
public class KeyServiceClient {

    static final String VERIFY_PATH = "/internal/v1/admin-tokens:verify";

    private final WebClient client;
    private final String verifyUrl;
    private final String authorization;
    private final long timeoutMs;

    public KeyServiceClient(Vertx vertx, ConfigServiceConfig config) {
        this.timeoutMs = config.issuedTokens().timeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) timeoutMs).setMaxPoolSize(8));
        this.verifyUrl = stripSlash(config.keysUrl()) + VERIFY_PATH;
        this.authorization = "Bearer " + config.serviceToken().map(String::strip).orElse("");
    }

    public String verifyUrl() {
        return verifyUrl;
    }

    /** key-service's verdict about {@code token}; fails when key-service cannot give one. */
    public Uni<AdminTokenVerdict> verify(String token) {
        return Uni.createFrom().completionStage(() -> client.postAbs(verifyUrl)
                        .timeout(timeoutMs)
                        .putHeader("Authorization", authorization)
                        .putHeader("Accept", "application/json")
                        .sendJsonObject(new JsonObject().put("token", token))
                        .toCompletionStage())
                .map(KeyServiceClient::read);
    }

    private static AdminTokenVerdict read(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("key-service answered HTTP " + response.statusCode());
        }
        try {
            JsonObject body = response.bodyAsJsonObject();
            if (body == null || !(body.getValue("valid") instanceof Boolean valid)) {
                throw new IllegalStateException("no boolean \"valid\"");
            }
            if (!valid) {
                return AdminTokenVerdict.INVALID;
            }
            String expiresAt = body.getString("expiresAt");
            return new AdminTokenVerdict(true, body.getString("id"), expiresAt == null ? null : Instant.parse(expiresAt));
        } catch (RuntimeException e) {
            throw new IllegalStateException("key-service sent a verify answer that does not parse");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
