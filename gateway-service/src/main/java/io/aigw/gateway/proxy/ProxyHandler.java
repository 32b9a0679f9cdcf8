package io.aigw.gateway.proxy;

import io.aigw.gateway.api.ClientLink;
import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorResponder;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.limits.RequestLimits;
import io.aigw.gateway.routing.AttemptPlanner;
import io.aigw.gateway.routing.CandidateResolver;
import io.aigw.gateway.routing.GatewaySettings;
import io.aigw.gateway.routing.Limits;
import io.aigw.gateway.routing.ModelAddress;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.RoutePolicy;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.translate.Translations;
import io.quarkus.logging.Log;
import io.opentelemetry.api.trace.Span;
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

    private void refuse(HttpServerRequest request, Surface surface, GatewayException e) {
        ErrorResponder.send(request, surface.errorFormat(), e);
        services.metrics.request(surface.id(), null, null, e.status());
    }

    /**
     * Translates the body for every other surface the plan reaches; attempts on a surface the request cannot be
     * translated to are skipped, named in `X-AIGW-Skipped`; none left: the reason is the client's error.
     */
    private List<PlannedAttempt> translatable(HttpServerRequest request, Surface surface, List<PlannedAttempt> plan,
            Translations translations) {
        List<PlannedAttempt> usable = translations.usable(plan);
        if (usable.size() == plan.size()) {
            return plan;
        }
        request.response().headers().set(GatewayHeaders.SKIPPED, String.join("; ", translations.skipped(plan)));
        plan.stream().map(a -> a.address().upstreamSurface(surface)).filter(t -> translations.get(t) == null && t != surface)
                .distinct().forEach(t -> services.translations.skipped(surface, t));
        if (usable.isEmpty()) {
            throw translations.failure();
        }
        return usable;
    }

    /**
     * {@code arrivedNanos}: when the request arrived ({@link System#nanoTime()}), for the added-latency metric;
     * {@code serverSpan}: its sampled server span, null when not traced.
     */
    public void handle(HttpServerRequest request, ClientLink link, Surface surface, RoutingSnapshot snapshot, AccessKeyRecord key,
            byte[] bytes, int length, long arrivedNanos, Span serverSpan) {
        try {
            RequestBody body = RequestBody.parse(bytes, length);
            RoutePolicy policy = snapshot.policy(key.configurationId());
            if (policy == null) {
                throw new GatewayException(ErrorCode.MODEL_NOT_ALLOWED,
                        "This access key's configuration is not available; nothing may be called with it.");
            }
            List<ModelAddress> candidates = CandidateResolver.resolve(body.model(), body.models(), snapshot, policy, surface);
            List<PlannedAttempt> planned = AttemptPlanner.plan(snapshot, policy, candidates, surface, services.balancer);
            if (planned.isEmpty()) {
                throw new GatewayException(ErrorCode.NO_PROVIDER_KEY,
                        "No usable provider key for \"" + candidates.get(0).provider().id() + "\".");
            }
            Translations translations = Translations.forPlan(surface, planned, bytes, length);
            List<PlannedAttempt> plan = translatable(request, surface, planned, translations);
            GatewaySettings settings = snapshot.settings();
            Limits limits = policy.limitsOr(settings.defaultLimits());
            RequestLimits checked = services.limits.forRequest(key, limits, settings, plan, surface, bytes, length);
            Exchange exchange = new Exchange(services, request, link, surface, body, translations, plan, settings, key, checked,
                    arrivedNanos, services.tracing.begin(serverSpan, surface,
                            request.response().headers().get(GatewayHeaders.REQUEST_ID), key, body.model(), body.stream()));
            if (!checked.checked()) {
                exchange.start();
                return;
            }
            request.response().headersEndHandler(v -> checked.writeHeaders(request.response().headers()));
            checked.admit(plan.get(0)).subscribe().with(
                    ok -> exchange.onContext(exchange::start),
                    failure -> exchange.onContext(() -> refuse(request, surface, ErrorResponder.asGatewayError(failure))));
        } catch (GatewayException e) {
            refuse(request, surface, e);
        } catch (RuntimeException e) {
            Log.errorf(e, "Unexpected failure on %s", surface.id());
            ErrorResponder.send(request, surface.errorFormat(), ErrorResponder.asGatewayError(e));
            services.metrics.request(surface.id(), null, null, 500);
        }
    }
}
