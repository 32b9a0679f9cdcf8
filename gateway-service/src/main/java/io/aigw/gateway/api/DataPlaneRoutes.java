package io.aigw.gateway.api;

import io.aigw.gateway.auth.Authenticator;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorFormat;
import io.aigw.gateway.error.ErrorResponder;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.proxy.ProxyHandler;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.snapshot.SnapshotHolder;
import io.aigw.gateway.tracing.GatewayTracing;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.inject.Singleton;

/**
 * The data-plane endpoints (SPEC §1.1) as plain Vert.x routes on the event loop: request id, CORS,
 * readiness, authentication, body read with the size limit, then the proxy or the model list.
 */
@Singleton
public class DataPlaneRoutes {

    private static final GatewayException NOT_READY =
            new GatewayException(ErrorCode.NOT_READY, "The gateway has no routing data yet; retry shortly.");

    private final SnapshotHolder snapshots;
    private final Authenticator authenticator;
    private final ProxyHandler proxy;
    private final ModelsHandler models;
    private final Cors cors;
    private final Vertx vertx;
    private final BodyBudget budget;
    private final long bodyIdleMs;
    private final long bodyReadNanos;
    private final GatewayTracing tracing;

    public DataPlaneRoutes(SnapshotHolder snapshots, Authenticator authenticator, ProxyHandler proxy,
            ModelsHandler models, Cors cors, Vertx vertx, BodyBudget budget, GatewayConfig config, GatewayTracing tracing) {
        this.tracing = tracing;
        this.vertx = vertx;
        this.budget = budget;
        this.bodyIdleMs = Math.max(1, config.bodyIdleTimeout().toMillis());
        this.bodyReadNanos = config.bodyReadTimeout().toNanos();
        this.snapshots = snapshots;
        this.authenticator = authenticator;
        this.proxy = proxy;
        this.models = models;
        this.cors = cors;
    }

    void register(Router router) {
        router.post("/v1/chat/completions").handler(ctx -> proxy(ctx.request(), Surface.CHAT_COMPLETIONS));
        router.post("/v1/completions").handler(ctx -> proxy(ctx.request(), Surface.COMPLETIONS));
        router.post("/v1/embeddings").handler(ctx -> proxy(ctx.request(), Surface.EMBEDDINGS));
        router.post("/v1/responses").handler(ctx -> proxy(ctx.request(), Surface.RESPONSES));
        router.post("/v1/messages").handler(ctx -> proxy(ctx.request(), Surface.MESSAGES));
        router.postWithRegex(GeminiRequests.PATH).handler(ctx -> gemini(ctx.request()));
        router.get("/v1/models").handler(ctx -> models(ctx.request()));
        router.options("/v1/*").handler(ctx -> {
            begin(ctx.request());
            cors.preflight(ctx.request());
        });
        router.route("/v1/*").handler(ctx -> notFound(ctx.request()));
        // Anything else, /q/* included: health, metrics and OpenAPI live on the management port, never on this one.
        router.route().order(Integer.MAX_VALUE).handler(ctx -> notFound(ctx.request()));
    }

    private void notFound(HttpServerRequest request) {
        begin(request);
        ErrorResponder.send(request, ErrorFormat.OPENAI, new GatewayException(ErrorCode.NOT_FOUND,
                "No such endpoint: " + request.method() + " " + request.path() + "."));
    }

    private RoutingSnapshot begin(HttpServerRequest request) {
        request.response().headers().set(GatewayHeaders.REQUEST_ID, RequestIds.next());
        cors.apply(request, request.response());
        return snapshots.current();
    }

    private void proxy(HttpServerRequest request, Surface surface) {
        long arrived = System.nanoTime();
        request.pause();
        ClientLink link = ClientLink.watch(request);
        RoutingSnapshot snapshot = begin(request);
        if (snapshot == null) {
            ErrorResponder.send(request, surface.errorFormat(), NOT_READY);
            return;
        }
        Span span = tracing.serverSpan();
        authenticator.authenticate(request.headers(), address(request))
                .compose(key -> BodyReader.read(vertx, request, link, budget, new BodyReader.Limits(
                                snapshot.settings().maxBodyBytes(), bodyIdleMs, arrived + bodyReadNanos))
                        .onSuccess(body -> proxy.handle(request, link, surface, snapshot, key, body.bytes(),
                                body.length(), arrived, span)))
                .onFailure(failure -> fail(request, surface.errorFormat(), failure));
    }

    /** Gemini `generateContent`: key and model from where Google's SDKs put them, then the same path as the others. */
    private void gemini(HttpServerRequest request) {
        long arrived = System.nanoTime();
        request.pause();
        ClientLink link = ClientLink.watch(request);
        RoutingSnapshot snapshot = begin(request);
        Surface surface = Surface.GENERATE_CONTENT;
        if (snapshot == null) {
            ErrorResponder.send(request, surface.errorFormat(), NOT_READY);
            return;
        }
        Span span = tracing.serverSpan();
        authenticator.authenticate(GeminiRequests.credentials(request))
                .compose(key -> BodyReader.read(vertx, request, link, budget, new BodyReader.Limits(
                        snapshot.settings().maxBodyBytes(), bodyIdleMs, arrived + bodyReadNanos)).onSuccess(body -> {
                    byte[] bytes;
                    try {
                        bytes = GeminiRequests.withRoute(body.bytes(), body.length(), GeminiRequests.model(request),
                                GeminiRequests.streams(request));
                    } catch (GatewayException e) {
                        ErrorResponder.send(request, surface.errorFormat(), e);
                        return;
                    }
                    proxy.handle(request, link, surface, snapshot, key, bytes, bytes.length, arrived, span);
                }))
                .onFailure(failure -> fail(request, surface.errorFormat(), failure));
    }

    private void models(HttpServerRequest request) {
        RoutingSnapshot snapshot = begin(request);
        ErrorFormat format = request.getHeader("anthropic-version") != null ? ErrorFormat.ANTHROPIC : ErrorFormat.OPENAI;
        if (snapshot == null) {
            ErrorResponder.send(request, format, NOT_READY);
            return;
        }
        authenticator.authenticate(request.headers(), address(request))
                .onSuccess(key -> models.handle(request, snapshot, key, format))
                .onFailure(failure -> fail(request, format, failure));
    }

    /** The client's address (the forwarded one when proxy-address forwarding is configured). */
    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static void fail(HttpServerRequest request, ErrorFormat format, Throwable failure) {
        if (request.response().closed()) {
            return; // the client went away while its body was read: nobody to answer
        }
        if (!(failure instanceof GatewayException)) {
            Log.errorf("Request %s failed: %s", request.response().headers().get(GatewayHeaders.REQUEST_ID),
                    failure.getClass().getSimpleName());
        }
        ErrorResponder.send(request, format, ErrorResponder.asGatewayError(failure));
    }
}
