package io.aigw.e2e.simulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/** One HTTP server on one event loop; several instances on the same port share the connections. */
final class SimulatorVerticle extends AbstractVerticle {

    private final String host;
    private final int port;
    private final Handler<HttpServerRequest> handler;
    private volatile int actualPort;

    SimulatorVerticle(String host, int port, Handler<HttpServerRequest> handler) {
        this.host = host;
        this.port = port;
        this.handler = handler;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(false).setCompressionSupported(false).setAcceptBacklog(1024)
                .setHandle100ContinueAutomatically(true);
        vertx.createHttpServer(options).requestHandler(handler).listen()
                .onSuccess(server -> {
                    actualPort = server.actualPort();
                    started.complete();
                })
                .onFailure(started::fail);
    }

    int actualPort() {
        return actualPort;
    }
}
