package io.aigw.gateway.proxy;

import io.aigw.gateway.api.ClientLink;
import io.aigw.gateway.api.GatewayHeaders;
import io.aigw.gateway.auth.AccessKeyRecord;
import io.aigw.gateway.usage.UsageEvent;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.ErrorResponder;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.firewall.AnswerToolCalls;
import io.aigw.gateway.firewall.AnthropicToolUseStreamFilter;
import io.aigw.gateway.firewall.ChatToolCallStreamFilter;
import io.aigw.gateway.firewall.Finding;
import io.aigw.gateway.firewall.GeminiToolCallStreamFilter;
import io.aigw.gateway.firewall.ResponsesToolCallStreamFilter;
import io.aigw.gateway.firewall.ToolCallCheck;
import io.aigw.gateway.provider.StreamKeyMask;
import io.aigw.gateway.provider.UpstreamErrorTranslator;
import io.aigw.gateway.routing.GatewaySettings;
import io.aigw.gateway.limits.RequestLimits;
import io.aigw.gateway.routing.PlannedAttempt;
import io.aigw.gateway.routing.Skip;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.tracing.RequestTrace;
import io.aigw.gateway.translate.GeminiJsonArrayStream;
import io.aigw.gateway.translate.Translation;
import io.aigw.gateway.translate.Translations;
import io.aigw.gateway.translate.AnthropicToOpenAiTranslator;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * One client request's attempt loop (SPEC §1.4). Runs on the request's event loop only: every callback
 * is brought back to its context, so its state needs no locks.
 */
final class Exchange {

    /** Largest upstream error body read (to translate its message); a larger one is dropped unread. */
    private static final long MAX_ERROR_BYTES = 64 * 1024;

    private final ExchangeServices services;
    private final Context context;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Surface surface;
    private final RequestBody body;
    private final AttemptPayloads payloads;
    private final long arrivedNanos;
    private final List<PlannedAttempt> plan;
    private final GatewaySettings settings;
    private final long deadline;
    private final Failures failures = new Failures();
    private final UsageTrail usage;
    private final RequestLimits limits;
    private long currentStarted;
    /**
     * The exchange's one timer (issue 19: it replaces a total and an attempt timer, a set/cancel pair each per request):
     * armed to fire no later than the nearest deadline that still holds, the total {@link #deadline} until the response
     * is committed and the attempt's {@link #attemptDeadline}; when it fires it acts on what passed and re-arms for the rest.
     */
    private long timer = -1;
    /** When {@link #timer} fires ({@link System#nanoTime()}). */
    private long timerDue;
    /** The attempt in progress must have its answer (a stream: its first content) by then; MAX_VALUE: none pending. */
    private long attemptDeadline = Long.MAX_VALUE;
    /** The attempt the {@link #attemptDeadline} belongs to, with its start. */
    private int timedSeq;
    private PlannedAttempt timedAttempt;
    private int index;
    private int attempts;
    private int sameBackendRetries;
    /** The next attempt, a retry, was already counted in the retry budget (a key fetch or reservation came between). */
    private boolean retryAllowed;
    /** The last attempt whose outcome is settled (late callbacks of it are ignored). */
    private int settled;
    private HttpClientRequest inFlight;
    /** The provider key of the attempt counted as in flight by the balancer (least-busy), else null. */
    private String busyKey;
    /** The stream being relayed once committed, else null. */
    private StreamRelay relay;
    /** A non-streamed answer (as the upstream sent it) waiting for the verdicts on its tool calls, else null. */
    private Buffer judgedAnswer;
    private boolean finished;
    private boolean committed;

    private final ClientLink link;
    /** The request's firewall on the tool calls its model returns, in answers and streams. */
    private final ToolCallCheck toolCalls;
    /** The request's spans; null when tracing is off or the request is not sampled. */
    private final RequestTrace trace;

    Exchange(ExchangeServices services, HttpServerRequest request, ClientLink link, Surface surface, RequestBody body,
            Translations translations, List<PlannedAttempt> plan, GatewaySettings settings, AccessKeyRecord key,
            RequestLimits limits, long arrivedNanos, ToolCallCheck toolCalls, RequestTrace trace) {
        this.toolCalls = toolCalls;
        this.link = link;
        this.trace = trace;
        this.payloads = new AttemptPayloads(surface, body, translations);
        this.arrivedNanos = arrivedNanos;
        this.services = services;
        this.limits = limits;
        this.usage = new UsageTrail(services.usage, limits, request.response().headers().get(GatewayHeaders.REQUEST_ID), key,
                surface, body, trace);
        this.context = Vertx.currentContext();
        this.request = request;
        this.response = request.response();
        this.surface = surface;
        this.body = body;
        this.plan = plan;
        this.settings = settings;
        this.deadline = System.nanoTime() + settings.totalTimeout().toNanos();
    }

    void start() {
        // the first attempt's deadline will be a little later than this: one timer serves both in the common case
        armTimer(Math.min(deadline, System.nanoTime() + settings.attemptTimeout().toNanos()));
        link.onClose(this::abandon);
        services.retryBudget.request();
        next();
    }

    private void next() {
        if (finished) {
            return;
        }
        if (index >= plan.size() || attempts >= settings.maxAttempts()) {
            fail(failures.toError(attempts, plan.get(0).address().provider().id()));
            return;
        }
        PlannedAttempt attempt = plan.get(index);
        long cooling = services.cooldowns.blockedFor(attempt, settings.cooldown());
        if (cooling > 0) {
            skipCooling(attempt, cooling);
            return;
        }
        if (cooling < 0) { // a cooldown just ended and this request took the half-open probe: the cluster's, or not?
            services.cooldowns.claimProbe(attempt, cooling, settings.cooldown()).onComplete(claim -> onContext(() -> {
                if (finished) {
                    return;
                }
                if (claim.result()) {
                    proceed(attempt);
                } else {
                    skipCooling(attempt, 1_000); // another replica's probe is out: its outcome comes through Redis
                }
            }));
            return;
        }
        proceed(attempt);
    }

    private void skipCooling(PlannedAttempt attempt, long waitMs) {
        usage.skipped(List.of(failures.coolingDown(attempt.address().canonical(),
                attempt.key() == null ? null : attempt.key().id(), waitMs)));
        index++;
        next();
    }

    /** The attempt may go: within the retry budget, with its provider key. */
    private void proceed(PlannedAttempt attempt) {
        if (attempts > 0 && !retryAllowed) {
            if (!services.retryBudget.tryRetry(settings.cooldown())) {
                services.metrics.retryBudgetSpent();
                Skip spent = Skip.retryBudget(attempt.address().canonical(), attempt.key() == null ? null
                        : attempt.key().id(), plan.size() - index);
                failures.skipped.add(spent);
                usage.skipped(List.of(spent));
                fail(failures.toError(attempts, plan.get(0).address().provider().id()));
                return;
            }
            retryAllowed = true;
        }
        if (attempt.key() == null) {
            send(attempt, null);
            return;
        }
        services.vault.value(attempt.key()).onComplete(ar -> onContext(() -> {
            if (ar.succeeded()) {
                send(attempt, ar.result());
            } else {
                failures.keysUnavailable++;
                index++;
                next();
            }
        }));
    }

    private void send(PlannedAttempt attempt, String key) {
        if (finished) {
            return;
        }
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            onTotalTimeout();
            return;
        }
        usage.flush(false);
        if (limits.needsReservation(attempt)) {
            limits.reserve(attempt).subscribe().with(ok -> onContext(() -> send(attempt, key)),
                    failure -> onContext(() -> fail(ErrorResponder.asGatewayError(failure))));
            return;
        }
        Buffer bytes;
        try {
            bytes = payloads.payload(attempt.address());
        } catch (GatewayException untranslatable) { // this model's translation failed: the next one may serve it
            failures.untranslatable = untranslatable;
            Skip skip = Skip.untranslatable(attempt.address().canonical(), attempt.address().upstreamSurface(surface).id(),
                    untranslatable.getMessage());
            failures.skipped.add(skip);
            usage.skipped(List.of(skip));
            skipModel();
            next();
            return;
        }
        int seq = ++attempts;
        retryAllowed = false;
        if (trace != null) {
            trace.attemptStarted(attempt, seq, bytes);
        }
        releaseBusy();
        if (attempt.key() != null) {
            busyKey = attempt.key().id();
            services.balancer.acquire(busyKey);
        }
        long timeout = Math.min(settings.attemptTimeout().toMillis(), remaining);
        long started = System.nanoTime();
        currentStarted = started;
        inFlight = null;
        timedSeq = seq;
        timedAttempt = attempt;
        attemptDeadline = started + timeout * 1_000_000;
        armTimer(attemptDeadline);
        // the attempt's deadline bounds the wait for the whole answer (a stream: its first content) within the total;
        // a stream's idle timeout bounds each gap between its reads once it is relayed (a whole answer needs none: the
        // deadline holds until its last byte)
        boolean streamed = body.stream() && surface.streamable();
        services.upstream.open(attempt.address().provider(), attempt.address().upstreamSurface(surface),
                        attempt.address().upstreamModelId(), streamed, key, request.headers(), timeout,
                        streamed ? settings.attemptTimeout().toMillis() : 0, trace)
                .compose(upstream -> {
                    if (current(seq)) {
                        inFlight = upstream;
                    } else {
                        upstream.reset();
                    }
                    return upstream.send(bytes);
                })
                .onComplete(ar -> onContext(() -> onAnswer(seq, attempt, key, ar, started)));
    }

    /** Whether {@code seq} is the attempt in progress (not superseded by a timeout, nor finished). */
    boolean current(int seq) {
        return !finished && seq == attempts && seq != settled;
    }

    /** Makes sure the timer fires no later than {@code due} ({@link System#nanoTime()}); an earlier one is kept. */
    private void armTimer(long due) {
        if (timer >= 0) {
            if (timerDue - due <= 1_000_000) { // within the millisecond the deadlines are rounded to anyway
                return;
            }
            services.vertx.cancelTimer(timer);
        }
        timerDue = due;
        long ms = Math.max(1, (due - System.nanoTime() + 999_999) / 1_000_000);
        timer = services.vertx.setTimer(ms, id -> onTimer());
    }

    private void cancelTimer() {
        if (timer >= 0) {
            services.vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /**
     * The attempt's deadline bounds an attempt until its whole body, or a stream's first event, arrived; the total one the
     * request until its response is committed. What has not passed yet is timed again.
     */
    private void onTimer() {
        timer = -1;
        if (finished || committed) {
            return;
        }
        long now = System.nanoTime();
        if (now >= attemptDeadline) {
            attemptDeadline = Long.MAX_VALUE;
            if (current(timedSeq)) {
                onTransportFailure(timedAttempt, new TimeoutException(), currentStarted);
            }
        }
        if (finished || committed) {
            return;
        }
        if (now >= deadline) {
            onTotalTimeout();
            return;
        }
        if (timer < 0) {
            armTimer(Math.min(deadline, attemptDeadline));
        }
    }

    /** Ends the attempt in progress: its timer, its request (if still open), its late callbacks. */
    private void settle() {
        settled = attempts;
        attemptDeadline = Long.MAX_VALUE; // the timer stays: it fires for the total deadline
        HttpClientRequest open = inFlight;
        inFlight = null;
        if (open != null) {
            open.reset();
        }
    }

    private void onAnswer(int seq, PlannedAttempt attempt, String key, AsyncResult<HttpClientResponse> ar, long started) {
        if (!current(seq)) {
            if (ar.succeeded()) {
                ar.result().request().reset();
            }
            return;
        }
        if (ar.failed()) {
            onTransportFailure(attempt, ar.cause(), started);
            return;
        }
        HttpClientResponse upstream = ar.result();
        int status = upstream.statusCode();
        services.metrics.attempt(attempt.address().provider().id(), attempt.address().canonical(), status,
                System.nanoTime() - started);
        if (status >= 200 && status < 300 && body.stream() && surface.streamable()
                && !ContentCoding.identity(upstream.getHeader("content-encoding"))) {
            upstream.request().reset(); // an encoded stream, though identity was asked for: not relayed
            onTransportFailure(attempt, new UpstreamBody.Unreadable(), started);
        } else if (status >= 200 && status < 300 && body.stream() && surface.streamable() && eventStream(upstream)) {
            new StreamRelay(this, upstream, attempt, seq, streamTransform(attempt, key),
                    new UsageSniffer(payloads.dropsUsageChunk(attempt.address())), started).start();
        } else if (status >= 200 && status < 300) {
            UpstreamBody.read(upstream, services.maxAnswerBytes).onComplete(b -> onContext(() -> {
                if (!current(seq)) {
                    return;
                }
                if (b.succeeded()) {
                    respond(attempt, upstream, b.result());
                } else if (b.cause() instanceof UpstreamBody.TooLarge) {
                    onTooLarge(attempt);
                } else {
                    onTransportFailure(attempt, b.cause(), started);
                }
            }));
        } else {
            UpstreamBody.read(upstream, MAX_ERROR_BYTES).onComplete(b -> onContext(() -> {
                if (current(seq)) {
                    if (b.failed()) {
                        upstream.request().reset(); // unread rest: the connection cannot be reused
                    }
                    Buffer error = b.succeeded() ? b.result() : null;
                    onErrorStatus(attempt, key, upstream, UpstreamErrorTranslator.keyStatus(
                            attempt.address().upstreamSurface(surface), status, error), error);
                }
            }));
        }
    }

    /** A non-streamed answer over the cap: the connection is dropped, and the request fails with 502. */
    private void onTooLarge(PlannedAttempt attempt) {
        settle();
        failures.last = attempt.address().canonical() + " answered more than " + services.maxAnswerBytes + " bytes";
        attemptDone(attempt, 502, "error", null, null);
        fail(new GatewayException(ErrorCode.UPSTREAM_RESPONSE_TOO_LARGE, "The answer of \"" + attempt.address().canonical()
                + "\" is larger than the gateway's limit of " + services.maxAnswerBytes + " bytes."));
    }

    private void onErrorStatus(PlannedAttempt attempt, String key, HttpClientResponse upstream, int status, Buffer error) {
        inFlight = null; // answered and read: the connection goes back to the pool
        settle();
        failures.last = attempt.address().canonical() + " answered HTTP " + status;
        long delay = ResponseHeaders.retryAfterMillis(upstream.headers());
        boolean fits = System.nanoTime() + delay * 1_000_000 < deadline && attempts < settings.maxAttempts();
        FailoverPolicy.Action action = FailoverPolicy.forStatus(status, delay, sameBackendRetries, fits);
        if (status == 429 || status == 408 || status >= 500) {
            services.cooldowns.failed(attempt, settings.cooldown(), status == 429 ? delay : -1);
        }
        if (status >= 300 && status < 400) {
            attemptDone(attempt, status, "error", null, null);
            fail(new GatewayException(ErrorCode.UPSTREAM_REDIRECT, "\"" + attempt.address().canonical()
                    + "\" answered with a redirect (HTTP " + status + "); the gateway does not follow redirects."));
            return;
        }
        attemptDone(attempt, status, action.outcome, null, null);
        if (action == FailoverPolicy.Action.STOP) {
            fail(UpstreamErrorTranslator.clientError(status, error, key, attempt.address().provider().id(),
                    ResponseHeaders.rateLimit(upstream.headers())));
            return;
        }
        services.metrics.failover(FailoverPolicy.reason(status, action));
        failures.upstreamStatus(status, upstream.headers());
        switch (action) {
            case RETRY_SAME_BACKEND -> {
                sameBackendRetries++;
                services.vertx.setTimer(Math.max(1, delay), id -> next());
            }
            case NEXT_MODEL -> {
                skipModel();
                next();
            }
            default -> {
                index++;
                next();
            }
        }
    }

    /** A timeout or a connection/DNS/TLS error before the response was committed: next model. */
    void onTransportFailure(PlannedAttempt attempt, Throwable cause, long started) {
        if (finished) {
            return;
        }
        settle();
        boolean timeout = cause instanceof TimeoutException;
        services.metrics.attempt(attempt.address().provider().id(), attempt.address().canonical(), 0,
                System.nanoTime() - started);
        failures.last = attempt.address().canonical() + (timeout ? " timed out"
                : cause instanceof io.aigw.gateway.provider.UpstreamAddressPolicy.Refused
                        ? " was refused by the upstream address policy" : " could not be reached");
        attemptDone(attempt, timeout ? 504 : 502, "failover", null, null);
        if (!(cause instanceof io.aigw.gateway.provider.UpstreamAddressPolicy.Refused)) {
            services.cooldowns.failed(attempt, settings.cooldown(), -1);
        }
        if (timeout) {
            failures.timeouts++;
        }
        services.metrics.failover(timeout ? "timeout" : "connection");
        skipModel();
        next();
    }

    private void skipModel() {
        int candidate = plan.get(index).candidate();
        while (index < plan.size() && plan.get(index).candidate() == candidate) {
            index++;
        }
    }

    private void respond(PlannedAttempt attempt, HttpClientResponse upstream, Buffer content) {
        if (finished) {
            return;
        }
        long upstreamNanos = System.nanoTime() - currentStarted;
        Buffer answer = content;
        Translation translation = payloads.translation(attempt.address());
        if (translation != null) {
            byte[] translated = translation.response(content.getBytes());
            if (translated == null) {
                onTransportFailure(attempt, new IllegalStateException("unreadable answer"), currentStarted);
                return;
            }
            answer = Buffer.buffer(translated);
        }
        if (!toolCalls.active()) {
            deliver(attempt, upstream, content, answer, upstreamNanos);
            return;
        }
        // blocked tool calls leave the answer, with a note naming the rule; a judge's verdict may take a while
        Buffer client = answer;
        io.vertx.core.Future<AnswerToolCalls.Filtered> filtered = AnswerToolCalls.filter(toolCalls, surface, answer.getBytes());
        if (!filtered.isComplete()) {
            attemptDeadline = Long.MAX_VALUE; // the answer is in: only the judges' own timeout bounds the wait
            cancelTimer();
            judgedAnswer = content; // a client that leaves meanwhile is charged its tokens
        }
        filtered.onComplete(done -> onContext(() -> {
            if (finished) {
                return;
            }
            if (done.failed()) {
                onTransportFailure(attempt, done.cause(), currentStarted);
                return;
            }
            firewallFindings(done.result().findings());
            byte[] bytes = done.result().bytes();
            deliver(attempt, upstream, content, bytes == null ? client : Buffer.buffer(bytes), upstreamNanos);
        }));
    }

    /** Sends a successful non-streamed answer ({@code answer}, in the client's surface) and settles its attempt. */
    private void deliver(PlannedAttempt attempt, HttpClientResponse upstream, Buffer content, Buffer answer,
            long upstreamNanos) {
        finish();
        writeHead(attempt, upstream);
        if (trace != null) { // the server span ends with the response: its attributes are set before
            trace.observe(content);
            settleAnswer(attempt, upstream.statusCode(), content);
        }
        response.end(answer);
        answered(upstreamNanos);
        record(attempt, upstream.statusCode());
        if (trace == null) {
            settleAnswer(attempt, upstream.statusCode(), content);
        }
    }

    private void settleAnswer(PlannedAttempt attempt, int status, Buffer content) {
        attemptDone(attempt, status, "success", usage.ofBody(content), null);
        usage.flush(true);
    }

    /** Whether the request is traced (its stream then settles its usage before ending, for the server span). */
    boolean traced() {
        return trace != null;
    }

    /** Upstream events about to be relayed, read for the attempt's span (traced requests only). */
    void observe(Buffer events) {
        if (trace != null) {
            trace.observe(events);
        }
    }

    /** A stream ended (well, broken after its start, or cancelled by the client): its attempt is the request's last. */
    void streamDone(PlannedAttempt attempt, int status, String outcome, UsageEvent.Tokens reported, long relayedBytes,
            Long timeToFirstTokenMs) {
        attemptDone(attempt, status, outcome, usage.ofStream(reported, relayedBytes), timeToFirstTokenMs);
        usage.flush(true);
    }

    /** The stream now relaying to the client (its headers are out): a client that goes away cancels it. */
    void relaying(StreamRelay stream) {
        relay = stream;
    }

    /**
     * An error event arrived before any content, or the stream ended before any ({@code what} says which): nothing was
     * committed, so the next model is tried.
     */
    void onEarlyStreamError(PlannedAttempt attempt, long started, String what) {
        if (finished) {
            return;
        }
        inFlight = null; // reset by the relay
        settle();
        services.metrics.attempt(attempt.address().provider().id(), attempt.address().canonical(), 200,
                System.nanoTime() - started);
        failures.last = attempt.address().canonical() + what;
        services.cooldowns.failed(attempt, settings.cooldown(), -1);
        attemptDone(attempt, 502, "failover", null, null);
        services.metrics.failover("server_error");
        skipModel();
        next();
    }

    /**
     * The attempt's stream transform, followed by the firewall's tool-call check of the client's surface, after the
     * provider key ({@code key}, null = none) is masked in the upstream's error events.
     */
    private io.aigw.gateway.translate.StreamTransform streamTransform(PlannedAttempt attempt, String key) {
        io.aigw.gateway.translate.StreamTransform transform = toolCallFilter(payloads.streamTransform(attempt.address()));
        transform = key == null ? transform : new StreamKeyMask(key, transform);
        return geminiJsonArray() ? new GeminiJsonArrayStream(transform) : transform;
    }

    /** A Gemini stream asked without `alt=sse`: Google frames it as one JSON array (`application/json`). */
    private boolean geminiJsonArray() {
        return surface == Surface.GENERATE_CONTENT && !"sse".equalsIgnoreCase(request.getParam("alt"));
    }

    private io.aigw.gateway.translate.StreamTransform toolCallFilter(io.aigw.gateway.translate.StreamTransform transform) {
        if (!toolCalls.active()) {
            return transform;
        }
        return switch (surface) {
            case CHAT_COMPLETIONS -> new ChatToolCallStreamFilter(toolCalls, transform, this::firewallFindings);
            case MESSAGES -> new AnthropicToolUseStreamFilter(toolCalls, transform, this::firewallFindings);
            case RESPONSES -> new ResponsesToolCallStreamFilter(toolCalls, transform, this::firewallFindings);
            case GENERATE_CONTENT -> new GeminiToolCallStreamFilter(toolCalls, transform, this::firewallFindings);
            default -> transform;
        };
    }

    /**
     * Firewall matches: counted in the metric and put on the usage event of the attempt under way (the request
     * side's, noted before any attempt, on the first one).
     */
    void firewallFindings(List<Finding> findings) {
        if (!findings.isEmpty()) {
            services.firewall.record(findings);
            usage.firewall(findings);
        }
    }

    /**
     * What routing decided before the loop: candidates left out (virtual-model targets, surfaces the request cannot be
     * translated to) and, for `aigw/auto`, why it chose; they go on the first attempt's usage event.
     */
    void routed(List<Skip> skipped, String auto) {
        usage.skipped(skipped);
        if (auto != null) {
            usage.auto(auto);
        }
    }

    /** The request side's matches (already counted): they go on the first attempt's usage event. */
    void requestFindings(List<Finding> findings) {
        usage.firewall(findings);
    }

    /** Whether a successful answer is an event stream (a provider may ignore `stream: true` and send JSON). */
    private static boolean eventStream(HttpClientResponse upstream) {
        String type = upstream.getHeader("content-type");
        return type == null || type.regionMatches(true, 0, "text/event-stream", 0, 17);
    }

    private void attemptDone(PlannedAttempt attempt, int status, String outcome, UsageEvent.Tokens tokens, Long ttft) {
        releaseBusy();
        usage.done(attempt, attempts, currentStarted, status, outcome, tokens, ttft);
    }

    private void releaseBusy() {
        if (busyKey != null) {
            services.balancer.release(busyKey);
            busyKey = null;
        }
    }

    /** Sends the status and headers of a successful attempt (a stream commits them with its first chunk). */
    void writeHead(PlannedAttempt attempt, HttpClientResponse upstream) {
        committed = true;
        attemptDeadline = Long.MAX_VALUE;
        cancelTimer();
        response.setStatusCode(upstream.statusCode());
        ResponseHeaders.copy(upstream.headers(), response.headers());
        if (body.stream() && geminiJsonArray()) {
            response.headers().set("content-type", GeminiJsonArrayStream.CONTENT_TYPE);
        }
        services.cooldowns.succeeded(attempt);
        response.headers().set(GatewayHeaders.ATTEMPTS, Integer.toString(attempts))
                .set(GatewayHeaders.MODEL, attempt.address().canonical())
                .set(GatewayHeaders.PROVIDER, attempt.address().provider().id());
        nameSkipped();
        Translation translation = payloads.translation(attempt.address());
        if (translation != null) {
            services.translations.served(surface, attempt.address().upstreamSurface(surface), translation,
                    response.headers());
        }
    }

    /**
     * The client got its answer (a stream: its first events) after the first attempt's upstream took
     * {@code upstreamNanos} for it: the rest of the time since the request arrived is what the gateway added.
     * Requests that needed more than one attempt are not counted (their waits belong to failover).
     */
    void answered(long upstreamNanos) {
        if (attempts == 1) {
            services.metrics.addedLatency(surface.id(), System.nanoTime() - arrivedNanos - upstreamNanos);
        }
    }

    void record(PlannedAttempt attempt, int status) {
        services.metrics.request(surface.id(), attempt.address().provider().id(), attempt.address().canonical(), status);
    }

    private void fail(GatewayException error) {
        releaseBusy();
        if (finished) {
            return;
        }
        finish();
        if (trace != null) {
            trace.failed(error.code().code());
        }
        if (attempts == 0 && !failures.skipped.isEmpty()) { // the loop left every candidate out: say so in the trace
            usage.nothingAttempted(plan.get(0), error.status());
        }
        usage.flush(true);
        response.headers().set(GatewayHeaders.ATTEMPTS, Integer.toString(attempts));
        nameSkipped();
        ErrorResponder.send(request, surface.errorFormat(), error);
        services.metrics.request(surface.id(), null, null, error.status());
    }

    /** Adds the attempts skipped for cooling backends to `X-AIGW-Skipped` (after any skipped before the loop). */
    private void nameSkipped() {
        if (failures.skipped.isEmpty()) {
            return;
        }
        String before = response.headers().get(GatewayHeaders.SKIPPED);
        String now = String.join("; ", failures.skipped.stream().map(Skip::header).toList());
        response.headers().set(GatewayHeaders.SKIPPED, before == null ? now : before + "; " + now);
    }

    private void onTotalTimeout() {
        cancelTimer();
        if (finished || committed) {
            return;
        }
        if (attempts > 0 && attempts != settled) {
            attemptDone(plan.get(Math.min(index, plan.size() - 1)), 504, "error", null, null);
        }
        resetInFlight();
        fail(new GatewayException(ErrorCode.UPSTREAM_TIMEOUT, "The request did not complete within the total timeout of "
                + settings.totalTimeout().toMillis() + " ms" + (failures.last == null ? "." : "; the last: " + failures.last + ".")));
    }

    /** The client went away: stop everything; the attempt in progress is recorded as `client_cancelled`. */
    private void abandon() {
        if (relay != null) {
            relay.cancel();
        } else if (!finished && !committed && attempts > 0 && attempts != settled) {
            attemptDone(plan.get(Math.min(index, plan.size() - 1)), 499, "client_cancelled",
                    judgedAnswer == null ? null : usage.ofBody(judgedAnswer), null);
            usage.flush(true);
        }
        if (!finished) {
            finished = true;
            cancelTimer();
            resetInFlight();
        }
    }

    /** Marks the exchange done (a stream keeps relaying). */
    void finish() {
        finished = true;
        cancelTimer();
    }

    boolean finished() {
        return finished;
    }

    private void resetInFlight() {
        if (inFlight != null) {
            inFlight.reset();
        }
    }

    long attemptStartedNanos() {
        return currentStarted;
    }

    HttpServerResponse response() {
        return response;
    }

    Context context() {
        return context;
    }

    Surface surface() {
        return surface;
    }

    void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
