package io.aigw.gateway.proxy;

import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorResponder;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.AttemptPlanner;
import io.aigw.gateway.routing.CandidateResolver;
import io.aigw.gateway.routing.ModelAddress;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.RoutePolicy;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.routing.Surface;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The proxy's request path once the caller is authenticated and the body read: parse, resolve, check
 * scope and surface, plan, then run the attempts. Everything here is in memory.
 */
@ApplicationScoped
public class ProxyHandler {

    private final ExchangeServices services;

    public ProxyHandler(ExchangeServices services) {
        this.services = services;
    }

    public void handle(HttpServerRequest request, Surface surface, RoutingSnapshot snapshot, AccessKeyRecord key,
            byte[] bytes, int length) {
        try {
            RequestBody body = RequestBody.parse(bytes, length);
            RoutePolicy policy = snapshot.policy(key.configurationId());
            if (policy == null) {
                throw new GatewayException(ErrorCode.MODEL_NOT_ALLOWED,
                        "This access key's configuration is not available; nothing may be called with it.");
            }
            List<ModelAddress> candidates = CandidateResolver.resolve(body.model(), body.models(), snapshot, policy, surface);
            List<PlannedAttempt> plan = AttemptPlanner.plan(snapshot, policy, candidates, surface);
            if (plan.isEmpty()) {
                throw new GatewayException(ErrorCode.NO_PROVIDER_KEY,
                        "No usable provider key for \"" + candidates.get(0).provider().id() + "\".");
            }
            new Exchange(services, request, surface, body, plan, snapshot.settings(), key).start();
        } catch (GatewayException e) {
            ErrorResponder.send(request, surface.errorFormat(), e);
            services.metrics.request(surface.id(), null, null, e.status());
        } catch (RuntimeException e) {
            Log.errorf(e, "Unexpected failure on %s", surface.id());
            ErrorResponder.send(request, surface.errorFormat(), ErrorResponder.asGatewayError(e));
            services.metrics.request(surface.id(), null, null, 500);
        }
    }
}
