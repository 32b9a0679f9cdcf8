package io.aigw.e2e.simulator;

import io.aigw.e2e.simulator.behavior.Behavior;
import io.aigw.e2e.simulator.exchange.ErrorReply;
import io.aigw.e2e.simulator.exchange.Exchange;
import io.aigw.e2e.simulator.recording.RequestRecorder;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every request's path through the simulator: record it, find its route, apply the connection-level behaviours
 * ({@code reset}, {@code hang}, {@code latency-ms}), pass the {@link RequestGate}, then let the endpoint answer.
 * Shared by all event loops; holds no per-request state.
 */
final class SimulatorRequestHandler implements Handler<HttpServerRequest> {

    private final Vertx vertx;
    private final ProviderRoutes routes = new ProviderRoutes();
    private final RequestGate gate;
    private final RequestRecorder recorder;
    private final AdminRoutes admin;
    private final AtomicInteger openStreams;

    SimulatorRequestHandler(Vertx vertx, RequestGate gate, RequestRecorder recorder, AdminRoutes admin,
                            AtomicInteger openStreams) {
        this.vertx = vertx;
        this.gate = gate;
        this.recorder = recorder;
        this.admin = admin;
        this.openStreams = openStreams;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (request.path().startsWith("/_sim/")) {
            admin.handle(request);
            return;
        }
        request.body().onSuccess(body -> dispatch(request, body.toString(StandardCharsets.UTF_8)));
    }

    private void dispatch(HttpServerRequest request, String body) {
        recorder.record(request, body);
        Route route = routes.find(request);
        if (route == null) {
            new Exchange(vertx, request, body, false, routes.dialectFor(request.path()), openStreams)
                    .responder().error(routes.dialectFor(request.path()).unknownRoute(request.method().name(), request.path()));
            return;
        }
        Exchange exchange = new Exchange(vertx, request, body, route.hasJsonBody(), route.dialect(), openStreams);
        if (exchange.behaviorError() != null) {
            exchange.responder().error(route.dialect().badRequest("simulator behavior script: " + exchange.behaviorError()));
            return;
        }
        Behavior behavior = exchange.behavior();
        if (behavior.redirect() > 0) {
            exchange.responder().redirect(behavior.redirect());
        } else if (behavior.reset()) {
            exchange.responder().reset();
        } else if (!behavior.hang()) {
            exchange.responder().after(behavior.latencyMs(), () -> admit(route, exchange));
        }
    }

    private void admit(Route route, Exchange exchange) {
        try {
            ErrorReply rejection = gate.check(route, exchange);
            if (rejection != null) {
                exchange.responder().error(rejection);
            } else {
                route.endpoint().handle(exchange);
            }
        } catch (RuntimeException bug) {
            bug.printStackTrace();
            if (exchange.request().response().headWritten()) {
                exchange.responder().breakOff();
            } else {
                exchange.responder().error(new ErrorReply(500, "{\"error\":{\"message\":\"provider simulator failure: "
                        + bug.getClass().getSimpleName() + "\"}}"));
            }
        }
    }
}
