package io.aigw.gateway.api;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.options.HttpServerCommonHandlers;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data plane's own HTTP server: one Vert.x {@code HttpServer} per event loop on the public port
 * ({@code quarkus.http.port}; {@code quarkus.http.host-enabled=false} keeps Quarkus' own server off it), serving the
 * {@code /v1} routes and nothing else. Health, metrics and OpenAPI stay on Quarkus' management port.
 *
 * <p>Owning the server gives the gateway what Quarkus does not expose: the invalid-request handler (the decoder's own
 * refusals answered in the surface's envelope, {@link InvalidRequests}), a decoder that refuses obsolete line folding
 * ({@link ObsFoldRejectingDecoder}), and a request path with none of Quarkus' generic root handlers in front of the
 * routes. The server honours the {@code quarkus.http.*} settings it relies on: host, port, idle timeout, line and
 * header limits, TCP options, and {@code quarkus.http.proxy.*} address forwarding.
 */
@Singleton
public class DataPlaneServer {

    private final Vertx vertx;
    private final HttpStrictness strictness;
    private final DataPlaneRoutes routes;
    private volatile String deploymentId;

    public DataPlaneServer(Vertx vertx, HttpStrictness strictness, DataPlaneRoutes routes) {
        this.vertx = vertx;
        this.strictness = strictness;
        this.routes = routes;
    }

    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) throws Exception {
        VertxHttpConfig http = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class);
        Router router = Router.router(vertx);
        strictness.register(router);
        routes.register(router);
        Handler<HttpServerRequest> root = HttpServerCommonHandlers.applyProxy(http.proxy(), router, () -> vertx);
        HttpServerOptions options = options(http);
        AtomicInteger bound = new AtomicInteger(-1);
        int instances = eventLoops();
        deploymentId = vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer(options)
                        .requestHandler(root)
                        .invalidRequestHandler(InvalidRequests::answer)
                        .connectionHandler(connection -> strictDecoder(connection, options))
                        .listen()
                        .onSuccess(server -> {
                            bound.set(server.actualPort());
                            started.complete();
                        })
                        .onFailure(started::fail);
            }
        }, new DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        register(bound.get());
        Log.infof("Data plane listening on %s:%d (%d event loops)", options.getHost(), bound.get(), instances);
    }

    /** Closed before the usage publisher flushes (its priority 1), so that what the close cut short is recorded too. */
    void stop(@Observes @Priority(0) ShutdownEvent event) {
        String id = deploymentId;
        if (id != null) {
            try {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                Log.debugf("Closing the data plane's server: %s", e.getClass().getSimpleName());
            }
        }
    }

    private static HttpServerOptions options(VertxHttpConfig http) {
        int port = http.determinePort(LaunchMode.current());
        return new HttpServerOptions()
                .setHost(http.host())
                .setPort(port)
                .setIdleTimeout((int) http.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxInitialLineLength(http.limits().maxInitialLineLength())
                .setMaxHeaderSize(http.limits().maxHeaderSize().asBigInteger().intValueExact())
                .setMaxChunkSize(http.limits().maxChunkSize().asBigInteger().intValueExact())
                .setReusePort(http.soReusePort())
                .setTcpQuickAck(http.tcpQuickAck())
                .setTcpCork(http.tcpCork())
                .setTcpFastOpen(http.tcpFastOpen())
                .setAcceptBacklog(http.acceptBacklog())
                .setHandle100ContinueAutomatically(false)
                // HTTP/1.1 only: with cleartext HTTP/2 on, Vert.x builds the HTTP/1 pipeline only after the first request
                // head was decoded, too late to put the strict decoder in front of it
                .setHttp2ClearTextEnabled(false);
    }

    /**
     * Swaps Vert.x's request decoder for the one that refuses obsolete line folding. Called while the channel is set
     * up (cleartext HTTP/2 is off), before its first byte is read.
     */
    private static void strictDecoder(HttpConnection connection, HttpServerOptions options) {
        if (connection instanceof ConnectionBase base && base.channel().pipeline().get("httpDecoder") != null) {
            base.channel().pipeline().replace("httpDecoder", "httpDecoder",
                    new ObsFoldRejectingDecoder(options));
        }
    }

    private int eventLoops() {
        int count = 0;
        for (var ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            count++;
        }
        return Math.max(1, count);
    }

    /** Publishes the bound port where Quarkus publishes its own server's (tests find the gateway there). */
    private static void register(int port) {
        Application application = Application.currentApplication();
        if (application != null) {
            application.getValueRegistry().register(HttpServer.HTTP_PORT, port);
            if (LaunchMode.current().isDevOrTest()) {
                application.getValueRegistry().register(HttpServer.HTTP_TEST_PORT, port);
            }
        }
    }
}
