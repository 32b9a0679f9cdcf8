package io.aigw.gateway.proxy;

import io.aigw.gateway.api.ClientLink;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorResponder;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.firewall.DecisionRules;
import io.aigw.gateway.firewall.Finding;
import io.aigw.gateway.firewall.Firewall;
import io.aigw.gateway.firewall.FirewallJudge;
import io.aigw.gateway.firewall.JudgeRoute;
import io.aigw.gateway.firewall.RequestInspector;
import io.aigw.gateway.firewall.RequestRules;
import io.aigw.gateway.firewall.RequestVerdict;
import io.aigw.gateway.firewall.ToolCallCheck;
import io.aigw.gateway.limits.RequestLimits;
import io.aigw.gateway.routing.AttemptPlanner;
import io.aigw.gateway.routing.AutoModel;
import io.aigw.gateway.routing.CandidateResolver;
import io.aigw.gateway.routing.Candidates;
import io.aigw.gateway.routing.GatewaySettings;
import io.aigw.gateway.routing.Limits;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.RoutePolicy;
import io.aigw.gateway.routing.RoutingSnapshot;
import io.aigw.gateway.routing.Skip;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.translate.Translations;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy's request path once the caller is authenticated and the body read: parse, resolve, check
 * scope and surface, plan, then run the attempts. Everything here is in memory.
 */
@Singleton
public class ProxyHandler {

    private final ExchangeServices services;
    private final FirewallJudge judge;

    public ProxyHandler(ExchangeServices services, FirewallJudge judge) {
        this.services = services;
        this.judge = judge;
    }

    private void refuse(HttpServerRequest request, Surface surface, GatewayException e) {
        ErrorResponder.send(request, surface.errorFormat(), e);
        services.metrics.request(surface.id(), null, null, e.status());
    }

    /**
     * Translates the body for every other surface the plan reaches; attempts on a surface the request cannot be
     * translated to are skipped, named in `X-AIGW-Skipped` beside the virtual-model targets skipped before
     * ({@code skipped}); none left: the reason is the client's error.
     */
    private List<PlannedAttempt> translatable(HttpServerRequest request, Surface surface, List<PlannedAttempt> plan,
            Translations translations, List<Skip> skipped) {
        List<PlannedAttempt> usable = translations.usable(plan);
        if (usable.size() == plan.size()) {
            nameSkipped(request, skipped);
            return plan;
        }
        skipped.addAll(translations.skipped(plan));
        nameSkipped(request, skipped);
        plan.stream().map(a -> a.address().upstreamSurface(surface)).filter(t -> translations.get(t) == null && t != surface)
                .distinct().forEach(t -> services.translations.skipped(surface, t));
        if (usable.isEmpty()) {
            throw translations.failure();
        }
        return usable;
    }

    private static void nameSkipped(HttpServerRequest request, List<Skip> skipped) {
        if (!skipped.isEmpty()) {
            request.response().headers().set(GatewayHeaders.SKIPPED,
                    String.join("; ", skipped.stream().map(Skip::header).toList()));
        }
    }

    /**
     * {@code arrivedNanos}: when the request arrived ({@link System#nanoTime()}), for the added-latency metric;
     * {@code serverSpan}: its sampled server span, null when not traced.
     */
    public void handle(HttpServerRequest request, ClientLink link, Surface surface, RoutingSnapshot snapshot, AccessKeyRecord key,
            byte[] bytes, int length, long arrivedNanos, Span serverSpan) {
        try {
            RequestBody parsed = RequestBody.parse(bytes, length, true);
            RoutePolicy policy = snapshot.policy(key.configurationId());
            if (parsed.model() == null && (policy == null || !policy.autoWhenModelMissing())) {
                throw RequestBody.missingModel();
            }
            if (policy == null) {
                throw new GatewayException(ErrorCode.MODEL_NOT_ALLOWED,
                        "This access key's configuration is not available; nothing may be called with it.");
            }
            Candidates candidates;
            String auto = null;
            if (parsed.model() == null || AutoModel.is(parsed.model())) { // no model: the configuration says auto
                AutoModel.Choice choice = AutoModel.choose(parsed.complexity(), snapshot, policy, surface);
                auto = (parsed.model() == null ? "no model: aigw/auto; " : "") + choice.why();
                request.response().headers().set(GatewayHeaders.AUTO, auto);
                candidates = CandidateResolver.resolveAuto(choice.candidates(), parsed.models(), snapshot, policy, surface);
            } else {
                candidates = CandidateResolver.resolve(parsed.model(), parsed.models(), snapshot, policy, surface);
            }
            List<PlannedAttempt> planned = AttemptPlanner.plan(snapshot, policy, candidates.addresses(), surface,
                    services.balancer);
            if (planned.isEmpty()) {
                nameSkipped(request, candidates.skipped());
                throw new GatewayException(ErrorCode.NO_PROVIDER_KEY,
                        "No usable provider key for \"" + candidates.addresses().get(0).provider().id() + "\".");
            }
            Firewall firewall = judge.isJudgeCall(request) ? Firewall.NONE // a judge call: its text was inspected already
                    : RequestRules.add(snapshot.firewall(key.configurationId()), request.getHeader(RequestRules.HEADER));
            RequestVerdict verdict = RequestInspector.inspect(firewall, surface, bytes, length);
            services.firewall.record(verdict.findings());
            if (verdict.reason() != null) {
                UsageTrail.refused(services.usage, request, surface, key, planned.get(0), parsed, verdict.findings(),
                        arrivedNanos, serverSpan);
                throw new GatewayException(ErrorCode.FIREWALL_BLOCKED, verdict.reason());
            }
            byte[] inspected = verdict.body() != null ? verdict.body() : bytes; // redacted: every payload is built from it
            int inspectedLength = verdict.body() != null ? inspected.length : length;
            RequestBody body = verdict.body() != null ? RequestBody.parse(inspected, inspectedLength, true) : parsed;
            Request admitted = new Request(request, link, surface, snapshot, key, policy, candidates, auto, planned,
                    firewall, inspected, inspectedLength, body, arrivedNanos, serverSpan);
            if (!firewall.judgesRequests()) {
                proceed(admitted, verdict.findings());
                return;
            }
            io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
            DecisionRules.judge(judge, JudgeRoute.of(request), firewall, surface, inspected, inspectedLength)
                    .onComplete(judged -> context.runOnContext(v -> judged(admitted, verdict.findings(), judged.result())));
        } catch (GatewayException e) {
            refuse(request, surface, e);
        } catch (RuntimeException e) {
            Log.errorf(e, "Unexpected failure on %s", surface.id());
            ErrorResponder.send(request, surface.errorFormat(), ErrorResponder.asGatewayError(e));
            services.metrics.request(surface.id(), null, null, 500);
        }
    }

    /** A request past scope, planning and the synchronous firewall rules: what the rest of its path needs. */
    private record Request(HttpServerRequest request, ClientLink link, Surface surface, RoutingSnapshot snapshot,
            AccessKeyRecord key, RoutePolicy policy, Candidates candidates, String auto, List<PlannedAttempt> planned,
            Firewall firewall, byte[] bytes, int length, RequestBody body, long arrivedNanos, Span serverSpan) {
    }

    /** After the decision rules' judges answered (on the request's context again). */
    private void judged(Request r, List<Finding> inspected, RequestVerdict decided) {
        try {
            services.firewall.record(decided.findings());
            List<Finding> findings = new ArrayList<>(inspected);
            findings.addAll(decided.findings());
            if (decided.reason() != null) {
                UsageTrail.refused(services.usage, r.request(), r.surface(), r.key(), r.planned().get(0), r.body(), findings,
                        r.arrivedNanos(), r.serverSpan());
                throw new GatewayException(ErrorCode.FIREWALL_BLOCKED, decided.reason());
            }
            proceed(r, findings);
        } catch (GatewayException e) {
            refuse(r.request(), r.surface(), e);
        } catch (RuntimeException e) {
            Log.errorf(e, "Unexpected failure on %s", r.surface().id());
            ErrorResponder.send(r.request(), r.surface().errorFormat(), ErrorResponder.asGatewayError(e));
            services.metrics.request(r.surface().id(), null, null, 500);
        }
    }

    /** Translations, limits, then the attempts; {@code findings}: the firewall's, for the first attempt's usage event. */
    private void proceed(Request r, List<Finding> findings) {
        HttpServerRequest request = r.request();
        Translations translations = Translations.forPlan(r.surface(), r.planned(), r.bytes(), r.length());
        List<Skip> skipped = new ArrayList<>(r.candidates().skipped());
        List<PlannedAttempt> plan = translatable(request, r.surface(), r.planned(), translations, skipped);
        GatewaySettings settings = r.snapshot().settings();
        Limits limits = r.policy().limitsOr(settings.defaultLimits());
        RequestLimits checked = services.limits.forRequest(r.key(), limits, settings, plan, r.surface(), r.bytes(), r.length());
        ToolCallCheck toolCalls = new ToolCallCheck(r.firewall(), judge,
                r.firewall().judgesToolCalls() ? JudgeRoute.of(request) : null);
        Exchange exchange = new Exchange(services, request, r.link(), r.surface(), r.body(), translations, plan, settings,
                r.key(), checked, r.arrivedNanos(), toolCalls, services.tracing.begin(r.serverSpan(), r.surface(),
                        request.response().headers().get(GatewayHeaders.REQUEST_ID), r.key(), r.body().model(),
                        r.body().stream()));
        exchange.requestFindings(findings);
        exchange.routed(skipped, r.auto());
        if (!checked.checked()) {
            exchange.start();
            return;
        }
        request.response().headersEndHandler(v -> checked.writeHeaders(request.response().headers()));
        checked.admit(plan.get(0)).subscribe().with(
                ok -> exchange.onContext(exchange::start),
                failure -> exchange.onContext(() -> refuse(request, r.surface(), ErrorResponder.asGatewayError(failure))));
    }
}
