package io.aigw.gateway.snapshot;

import io.aigw.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Calls the other services' `/internal/v1/*` APIs with the service token, non-blocking; key-service's decrypted
 * provider keys with the gateway's own token ({@link #getAsGateway}). Answers the status and body; the caller
 * decides what a status means.
 */
@Singleton
public class InternalApiClient {

    private final HttpClient client;
    private final String authorization;
    private final String gatewayAuthorization;
    private final long timeoutMs;

    public InternalApiClient(Vertx vertx, GatewayConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setConnectTimeout((int) config.internalRequestTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(16));
        this.authorization = "Bearer " + config.serviceToken().orElse("");
        this.gatewayAuthorization = "Bearer " + config.gatewayToken().orElse("");
        this.timeoutMs = config.internalRequestTimeout().toMillis();
    }

    /** GETs {@code baseUrl + path}; fails on a transport error or timeout. */
    public Future<Answer> get(String baseUrl, String path) {
        return get(baseUrl, path, authorization);
    }

    /** GETs with the gateway token, which only an endpoint meant for the gateway alone needs. */
    public Future<Answer> getAsGateway(String baseUrl, String path) {
        return get(baseUrl, path, gatewayAuthorization);
    }

    private Future<Answer> get(String baseUrl, String path, String authorization) {
        RequestOptions options = new RequestOptions().setAbsoluteURI(baseUrl + path).setMethod(HttpMethod.GET)
                .setTimeout(timeoutMs).putHeader("authorization", authorization).putHeader("accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    /** POSTs a JSON body to {@code baseUrl + path}; fails on a transport error or timeout. */
    public Future<Answer> post(String baseUrl, String path, Buffer json) {
        RequestOptions options = new RequestOptions().setAbsoluteURI(baseUrl + path).setMethod(HttpMethod.POST)
                .setTimeout(timeoutMs).putHeader("authorization", authorization).putHeader("accept", "application/json")
                .putHeader("content-type", "application/json");
        return client.request(options)
                .compose(request -> request.send(json))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** A status and the whole body. */
    public record Answer(int status, Buffer body) {
    }
}
