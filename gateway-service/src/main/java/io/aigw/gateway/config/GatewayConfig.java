package io.aigw.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** gateway-service settings (`aigw.gateway.*`). Routing bounds come from config-service's gateway settings. */
@ConfigMapping(prefix = "aigw.gateway")
public interface GatewayConfig {

    /** Base URL of model-catalog-service (its `/internal/v1/catalog-snapshot`). */
    @WithDefault("http://127.0.0.1:8083")
    String catalogUrl();

    /** Base URL of config-service (its `/internal/v1/config-snapshot`). */
    @WithDefault("http://127.0.0.1:8082")
    String configUrl();

    /** Base URL of key-service (access keys, provider-key metadata and values). */
    @WithDefault("http://127.0.0.1:8081")
    String keysUrl();

    /** Service token for `/internal/v1/*` calls (`AIGW_SERVICE_TOKEN`); required. */
    Optional<String> serviceToken();

    /**
     * The gateway's own token (`AIGW_GATEWAY_TOKEN`), the only credential key-service accepts for decrypted provider
     * keys (the service token, which every service holds, gets 403 there); required.
     */
    Optional<String> gatewayToken();

    /** Base64 HMAC pepper for access-key secrets, the same as key-service's (`AIGW_KEY_PEPPER`); required. */
    Optional<String> keyPepper();

    /** Timeout of one call to another service's internal API. */
    @WithDefault("5s")
    Duration internalRequestTimeout();

    /** First delay between snapshot load retries; doubles up to {@link #snapshotRetryMax()}. */
    @WithDefault("200ms")
    Duration snapshotRetryInitial();

    /** Longest delay between snapshot load retries. */
    @WithDefault("10s")
    Duration snapshotRetryMax();

    /** Reload the snapshots this often as a safety net beside change events (0 = never). */
    @WithDefault("30s")
    Duration snapshotRefreshInterval();

    /** An access-key record older than this is refreshed in the background on its next use (revocation lag). */
    @WithDefault("1s")
    Duration accessKeyRefreshAfter();

    /** An access-key record not refreshed for this long (key-service unreachable) is dropped. */
    @WithDefault("10m")
    Duration accessKeyExpireAfter();

    /**
     * How long an access-key record lives in Redis (shared by the replicas); while key-service is unreachable,
     * replicas keep authenticating from it that long.
     */
    @WithDefault("10m")
    Duration accessKeyRedisTtl();

    /**
     * A record in Redis older than this is fetched again from key-service on its next look-up (falling back to
     * the Redis record when key-service does not answer): the revocation safety net when change events are lost.
     */
    @WithDefault("30s")
    Duration accessKeyRedisFreshFor();

    /** Prefix of every Redis key this gateway reads or writes (key records, the saved snapshot). */
    @WithDefault("aigw:")
    String redisKeyPrefix();

    /** How long a Redis read may take on the request path before key-service is asked instead. */
    @WithDefault("250ms")
    Duration redisTimeout();

    /** Save each snapshot built from the internal APIs to Redis, and start from the saved one. */
    @WithDefault("true")
    boolean redisSnapshot();

    /**
     * Readiness waits for the change topics to be read up to their end (and the reloads they ask for) at most
     * this long after start; past it the replica reports ready on the snapshot it has (Kafka or the services
     * unreachable at start must not keep every new replica out of rotation).
     */
    @WithDefault("30s")
    Duration catchUpTimeout();

    /** Most access-key records (known and unknown public ids) held in memory. */
    @WithDefault("100000")
    long accessKeyCacheSize();

    /** Largest pool of keep-alive connections per upstream host and port, per event loop (each loop has its own). */
    @WithDefault("256")
    int upstreamPoolSize();

    /** TCP connect timeout towards providers. */
    @WithDefault("10s")
    Duration upstreamConnectTimeout();

    /**
     * How long Redis may stay silent (no answer to any limit call of this replica) before a waiting request gives up
     * and `limitsFailMode` decides. A request whose answer is only queued behind others waits up to
     * {@link #limitsMaxWait()}.
     */
    @WithDefault("1s")
    Duration limitsTimeout();

    /** The longest a request waits for its limits check while Redis is answering other calls. */
    @WithDefault("5s")
    Duration limitsMaxWait();

    /** A request body that pauses longer than this between two reads is refused (408 `request_timeout`). */
    @WithDefault("10s")
    Duration bodyIdleTimeout();

    /** A request body must have arrived whole this long after the request did (408 `request_timeout`). */
    @WithDefault("60s")
    Duration bodyReadTimeout();

    /**
     * Request-body bytes held in memory by all requests together (buffer capacity, not declared lengths); a request
     * whose body would pass it is refused with 503 `overloaded` and `Retry-After`.
     */
    @WithDefault("33554432")
    long maxInFlightBodyBytes();

    /** Largest non-streamed upstream answer read into memory; a larger one fails with 502 `upstream_response_too_large`. */
    @WithDefault("33554432")
    long maxUpstreamResponseBytes();

    /**
     * Failed authentications one client address may make per {@link #failedAuthWindow()} before it is refused (429);
     * 0 = off (the default: behind an ingress every client shares its address unless
     * `quarkus.http.proxy.proxy-address-forwarding` and trusted proxies are configured).
     */
    @WithDefault("0")
    int failedAuthLimit();

    /** The window of {@link #failedAuthLimit()}, from an address's first failure. */
    @WithDefault("60s")
    Duration failedAuthWindow();

    /** How long an unknown access-key id is answered from memory, with no Redis or key-service look-up. */
    @WithDefault("60s")
    Duration unknownKeyTtl();

    /**
     * Provider hosts (as written in their base URLs) exempt from the upstream address policy, e.g. an in-cluster
     * model server (`AIGW_ALLOWED_HTTP_HOSTS`, the catalog's list).
     */
    Optional<List<String>> upstreamAllowedHosts();

    /** Whether providers on loopback addresses may be dialled (`AIGW_ALLOW_LOOPBACK_UPSTREAMS`; the local stack only). */
    @WithDefault("false")
    boolean allowLoopbackUpstreams();

    /** Origins allowed by CORS on `/v1/*` (`*` = any). */
    @WithDefault("*")
    List<String> corsOrigins();

    /**
     * Whether upstream attempts carry the W3C `traceparent` of their client span to providers (tracing on only). Off
     * by default: a provider learns nothing of the gateway's traces unless the operator wants it to.
     */
    @WithDefault("false")
    boolean tracePropagationUpstream();

    /**
     * Whether sampled spans carry prompt and completion text (`AIGW_TRACE_CONTENT`): each attempt's span then holds
     * the GenAI conventions' opt-in `gen_ai.input.messages` and `gen_ai.output.messages`. Off by default: traces go
     * to collectors that often keep them longer and show them to more people than the usage ledger.
     */
    @WithDefault("false")
    boolean traceContentCapture();

    /** The most characters of text each of those two attributes holds (content capture on); the rest is cut. */
    @WithDefault("4096")
    int traceContentMaxChars();
}
