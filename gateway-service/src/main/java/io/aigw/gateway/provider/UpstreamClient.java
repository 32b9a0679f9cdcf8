package io.aigw.gateway.provider;

import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.routing.AuthScheme;
import io.aigw.gateway.routing.Provider;
import io.aigw.gateway.routing.Surface;
import io.aigw.gateway.routing.UpstreamTarget;
import io.aigw.gateway.tracing.RequestTrace;
import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pooled, non-blocking HTTP clients towards providers: one per event loop, so that a request's upstream connection
 * lives on the request's own event loop (one shared pool hands a request the connection another loop owns, and every
 * write and answer then crosses threads: a task and a wake-up each way, measured at about a fifth of the gateway's CPU
 * at 32 connections). Opens a request with the provider's URL,
 * auth header (scheme from the catalog), extra headers (never hop-by-hop, content or host headers) and the few
 * client headers that matter upstream; asks for an unencoded answer (`accept-encoding: identity`).
 * A stream's idle timeout is the per-attempt timeout: it bounds every wait for upstream data, each gap of a stream;
 * a whole answer has none (the exchange's attempt deadline bounds it to its last byte).
 */
@Singleton
public class UpstreamClient {

    /** Client headers passed upstream when present; everything else (auth above all) stays here. */
    private static final String[] FORWARDED = {"accept", "anthropic-version", "anthropic-beta", "openai-beta"};

    private static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    /** Per event loop, created on its first request; off an event loop (none on the data plane) the shared one. */
    private final Map<EventLoop, HttpClient> perEventLoop = new ConcurrentHashMap<>();
    private final HttpClient shared;
    private final long connectTimeoutMs;
    private final UpstreamAddressPolicy addresses;

    public UpstreamClient(Vertx vertx, GatewayConfig config, UpstreamAddressPolicy addresses) {
        this.vertx = vertx;
        this.addresses = addresses;
        this.connectTimeoutMs = config.upstreamConnectTimeout().toMillis();
        this.clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) connectTimeoutMs)
                // attempts are traced by the gateway itself (RequestTrace), which decides what goes upstream
                .setTracingPolicy(TracingPolicy.IGNORE);
        this.poolOptions = new PoolOptions().setHttp1MaxSize(config.upstreamPoolSize());
        this.shared = vertx.createHttpClient(clientOptions, poolOptions);
    }

    /** The calling event loop's client (its connections are created on, and stay with, that loop). */
    private HttpClient client() {
        if (Vertx.currentContext() instanceof ContextInternal context && context.isEventLoopContext()) {
            return perEventLoop.computeIfAbsent(context.nettyEventLoop(),
                    loop -> vertx.createHttpClient(clientOptions, poolOptions));
        }
        return shared;
    }

    /**
     * Opens a POST to the provider's surface; headers set, body not yet sent. Gemini's surface names {@code model}
     * (the provider's id) and streaming in the URL; the others ignore both.
     * {@code connectWithinMs} bounds the TCP connect; {@code idleTimeoutMs} each wait for upstream data (a gap between
     * a stream's chunks included), whatever was left of the request's total when the attempt began; 0: none (a timer
     * set and cancelled per request that a whole answer, bounded by the attempt's deadline, does not need). {@code trace}: the
     * request's spans (null: not traced), whose `traceparent` goes upstream when the gateway propagates it.
     */
    public Future<HttpClientRequest> open(Provider provider, Surface surface, String model, boolean stream, String key,
            MultiMap clientHeaders, long connectWithinMs, long idleTimeoutMs, RequestTrace trace) {
        HttpClient client = client();
        UpstreamTarget target = provider.targets().get(surface);
        String uri = surface == Surface.GENERATE_CONTENT ? target.geminiUri(model, stream) : target.uri();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host())
                .setPort(target.port()).setSsl(target.ssl()).setURI(uri)
                .setConnectTimeout(Math.min(connectTimeoutMs, connectWithinMs));
        if (idleTimeoutMs > 0) {
            options.setIdleTimeout(idleTimeoutMs);
        }
        MultiMap headers = options.getHeaders() == null ? MultiMap.caseInsensitiveMultiMap() : options.getHeaders();
        headers.set("content-type", "application/json");
        for (Map.Entry<String, String> extra : provider.extraHeaders().entrySet()) {
            if (!UpstreamHeaders.reserved(extra.getKey())) {
                headers.set(extra.getKey(), extra.getValue());
            }
        }
        headers.set("accept-encoding", "identity");
        for (String name : FORWARDED) {
            String value = clientHeaders.get(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        if (surface == Surface.MESSAGES && !headers.contains("anthropic-version")) {
            headers.set("anthropic-version", DEFAULT_ANTHROPIC_VERSION);
        }
        AuthScheme scheme = provider.authScheme();
        if (key != null && scheme.header() != null) {
            headers.set(scheme.header(), scheme.headerValue(key));
        }
        if (trace != null) {
            trace.inject(headers);
        }
        options.setHeaders(headers);
        // the address policy resolves and checks the host; the connection goes to the address it checked
        return addresses.dial(target.host(), target.port()).compose(server -> {
            if (server != null) {
                options.setServer(server);
            }
            return client.request(options);
        });
    }

    @PreDestroy
    void close() {
        perEventLoop.values().forEach(HttpClient::close);
        shared.close();
    }
}
