package io.aigw.console.proxy;

import io.aigw.console.ConsoleConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * {@code /admin} and below, relayed to the owning service of {@link AdminRoutes}: the body streams through both ways
 * untouched, the status and the owner's headers come back as they are. The owner checks the admin token; the proxy
 * only insists that one is there ({@link Credentials}) and forwards nothing else that could authenticate.
 */
@Singleton
public class AdminProxy {

    private final HttpClient client;
    private final Map<String, String> owners = new TreeMap<>();
    private final long timeoutMs;
    private final boolean traced;

    public AdminProxy(Vertx vertx, ConsoleConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(16)
                .setConnectTimeout(5_000));
        config.owners().forEach((name, owner) -> owners.put(name, stripSlash(owner.url())));
        AdminRoutes.TABLE.forEach(route -> {
            if (!owners.containsKey(route.owner())) {
                throw new IllegalStateException("aigw.console.owners." + route.owner() + ".url is not set");
            }
        });
        this.timeoutMs = config.upstreamTimeout().toMillis();
        // Quarkus installs a Vert.x tracer only with tracing on (OTEL_SDK_DISABLED=false): then each relay is a client
        // span of the console's server span, and the tracer hands the owner its context in the request headers
        this.traced = vertx instanceof VertxInternal internal && internal.tracer() != null;
    }

    void register(@Observes Router router) {
        router.route("/admin").handler(this::relay);
        router.route("/admin/*").handler(this::relay);
    }

    private void relay(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = request.response();
        String path = OwnerPath.of(ctx.normalizedPath());
        if (!Credentials.onlyBearer(request)) {
            Problems.unauthorized(response, path);
            return;
        }
        AdminRoute route = AdminRoutes.find(path).orElse(null);
        if (route == null) {
            Problems.notFound(response, path);
            return;
        }
        request.pause();
        String query = request.query();
        RequestOptions options = new RequestOptions().setMethod(request.method())
                .setAbsoluteURI(owners.get(route.owner()) + route.upstreamPath(path) + (query == null ? "" : "?" + query))
                .setIdleTimeout(timeoutMs);
        client.request(options)
                .compose(outgoing -> send(request, outgoing, traced))
                .onSuccess(answer -> relayBack(answer, response))
                .onFailure(failure -> fail(response, route.owner(), path, failure));
    }

    private static io.vertx.core.Future<HttpClientResponse> send(HttpServerRequest request, HttpClientRequest outgoing,
            boolean traced) {
        ProxyHeaders.copyToOwner(request.headers(), outgoing.headers(), traced);
        boolean hasBody = request.headers().contains("Content-Length") || request.isExpectMultipart()
                || request.headers().contains("Transfer-Encoding");
        if (hasBody) {
            return outgoing.send(request);
        }
        request.resume();
        return outgoing.send();
    }

    private static void relayBack(HttpClientResponse answer, HttpServerResponse response) {
        response.setStatusCode(answer.statusCode());
        ProxyHeaders.copyBack(answer.headers(), response.headers());
        if (!response.headers().contains("Content-Length")) {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    private static void fail(HttpServerResponse response, String owner, String path, Throwable failure) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            Problems.gatewayTimeout(response, owner, path);
        } else {
            Problems.badGateway(response, owner, path);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
