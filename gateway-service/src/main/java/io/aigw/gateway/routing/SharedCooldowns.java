package io.aigw.gateway.routing;

import io.aigw.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cooldowns shared by every replica. Each replica decides from its own {@link BackendCooldowns} (no Redis round trip
 * on the request path); what it learns is shared through Redis, without waiting for the answer:
 * <ul>
 * <li>every failure is also counted in Redis ({@code <prefix>cooldown-failures:<backend>}, a window-long counter, by a
 * Lua script), so failures seen by different replicas add up; at the threshold the script starts the cooldown;</li>
 * <li>a cooldown started (by the script, by this replica's own count, or by a Retry-After) is written to the hash
 * {@code <prefix>cooldowns} (backend → end, epoch ms);</li>
 * <li>every {@link #REFRESH} each replica reads that hash and takes the cooldowns that end later than its own, and
 * deletes the ended ones.</li>
 * </ul>
 * With Redis down the replica keeps counting and cooling down on its own. Half-open probes are per replica.
 */
@Singleton
public class SharedCooldowns {

    static final Duration REFRESH = Duration.ofMillis(500);
    /** A Redis call not answered by then is given up (nothing waits for it; this bounds what piles up). */
    static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);
    /** The longest a probe waits for Redis to say whether it is the cluster's (then it goes as this replica's). */
    static final Duration PROBE_CLAIM_TIMEOUT = Duration.ofMillis(250);
    private static final long HASH_TTL_MS = 3_600_000;
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            if n >= tonumber(ARGV[2]) then
              local untilMs = tonumber(ARGV[3])
              local current = tonumber(redis.call('HGET', KEYS[2], ARGV[4]) or '0')
              if untilMs > current then redis.call('HSET', KEYS[2], ARGV[4], untilMs) end
              redis.call('PEXPIRE', KEYS[2], ARGV[5])
              redis.call('DEL', KEYS[1])
              return untilMs
            end
            return 0
            """;

    private final BackendCooldowns local = new BackendCooldowns(System::currentTimeMillis);
    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, Long> hashes;
    private final ReactiveKeyCommands<String> keys;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private final String hash;
    private final String counterPrefix;
    private final String probePrefix;
    private final Map<String, Counter> started = new ConcurrentHashMap<>();
    private final Map<String, Counter> skipped = new ConcurrentHashMap<>();
    private volatile CooldownSettings lastSettings = CooldownSettings.DEFAULTS;

    public SharedCooldowns(ReactiveRedisDataSource redis, Vertx vertx, MeterRegistry registry, GatewayConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(Long.class);
        this.keys = redis.key();
        this.vertx = vertx;
        this.registry = registry;
        this.hash = config.redisKeyPrefix() + "cooldowns";
        this.counterPrefix = config.redisKeyPrefix() + "cooldown-failures:";
        this.probePrefix = config.redisKeyPrefix() + "cooldown-probe:";
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("aigw.backend.cooling", local, BackendCooldowns::cooling)
                .description("Backends (provider key x model, provider) cooling down on this replica").register(registry);
        vertx.setPeriodic(REFRESH.toMillis(), id -> refresh());
    }

    /** This replica's tracked backends (failing lately, cooling down or probing), for the management port. */
    public List<BackendHealth> health() {
        return local.health(lastSettings.window().toMillis());
    }

    /**
     * 0 when the attempt may go, else the ms its backend still cools down; counts the skip. A negative answer
     * ({@link BackendCooldowns#PROBE_KEY}, {@link BackendCooldowns#PROBE_PROVIDER}): this replica's half-open probe was
     * taken, and {@link #claimProbe} says whether it is the cluster's.
     */
    public long blockedFor(PlannedAttempt attempt, CooldownSettings settings) {
        lastSettings = settings;
        long wait = local.admit(attempt, settings);
        if (wait > 0) {
            String provider = attempt.address().provider().id();
            skipped.computeIfAbsent(provider, p -> Counter.builder("aigw.backend.skipped")
                    .description("Attempts skipped because their backend was cooling down").tag("provider", p)
                    .register(registry)).increment();
        }
        return wait;
    }

    /**
     * One half-open probe for the whole cluster: {@code SET <prefix>cooldown-probe:<backend> NX PX <duration>}. True
     * when this replica holds it (or Redis does not answer within {@link #PROBE_CLAIM_TIMEOUT}: then each replica probes
     * on its own view); false when another replica's probe is out, and the local probe is released so that the next
     * request here asks again. Only asked when a cooldown has just ended, so a healthy request never waits on Redis.
     */
    public Future<Boolean> claimProbe(PlannedAttempt attempt, long probe, CooldownSettings settings) {
        String backend = BackendCooldowns.probedBackend(attempt, probe);
        Promise<Boolean> claimed = Promise.promise();
        redis.execute("SET", probePrefix + backend, "1", "NX", "PX", Long.toString(settings.duration().toMillis()))
                .ifNoItem().after(PROBE_CLAIM_TIMEOUT).fail().subscribe().with(answer -> {
                    boolean mine = answer != null;
                    if (!mine) {
                        local.releaseProbe(backend);
                    }
                    claimed.complete(mine);
                }, failure -> {
                    redisFailed(failure);
                    claimed.complete(true);
                });
        return claimed.future();
    }

    /** A 429, 408, 5xx, timeout or connection error; {@code retryAfterMs} ≥ 0 for a 429's Retry-After. */
    public void failed(PlannedAttempt attempt, CooldownSettings settings, long retryAfterMs) {
        lastSettings = settings;
        if (!settings.enabled()) {
            return;
        }
        for (BackendCooldowns.Cooling cooling : local.failed(attempt, settings, retryAfterMs)) {
            share(cooling);
        }
        count(BackendCooldowns.keyBackend(attempt), settings.failures(), settings);
        if (settings.providerFailures() > 0) {
            count(BackendCooldowns.providerBackend(attempt), settings.providerFailures(), settings);
        }
    }

    public void succeeded(PlannedAttempt attempt) {
        if (local.succeeded(attempt)) {
            String key = BackendCooldowns.keyBackend(attempt);
            String provider = BackendCooldowns.providerBackend(attempt);
            hashes.hdel(hash, key, provider)
                    .chain(() -> keys.del(probePrefix + key, probePrefix + provider))
                    .ifNoItem().after(REDIS_TIMEOUT).fail().subscribe().with(ok -> { }, SharedCooldowns::redisFailed);
        }
    }

    private void share(BackendCooldowns.Cooling cooling) {
        provider(cooling.backend());
        hashes.hset(hash, cooling.backend(), cooling.until())
                .chain(() -> keys.pexpire(hash, HASH_TTL_MS))
                .chain(() -> keys.del(probePrefix + cooling.backend())) // a failed probe: the next one may go
                .ifNoItem().after(REDIS_TIMEOUT).fail().subscribe().with(ok -> { }, SharedCooldowns::redisFailed);
    }

    private void count(String backend, int threshold, CooldownSettings settings) {
        long until = System.currentTimeMillis() + settings.duration().toMillis();
        redis.execute("EVAL", COUNT, "2", counterPrefix + backend, hash, Long.toString(settings.window().toMillis()),
                        Integer.toString(threshold), Long.toString(until), backend, Long.toString(HASH_TTL_MS))
                .ifNoItem().after(REDIS_TIMEOUT).fail().subscribe().with(answer -> {
                    if (answer != null && answer.toLong() > 0) {
                        local.learn(backend, answer.toLong());
                    }
                }, SharedCooldowns::redisFailed);
    }

    private void refresh() {
        local.prune(lastSettings.window().toMillis());
        hashes.hgetall(hash).ifNoItem().after(REDIS_TIMEOUT).fail().subscribe()
                .with(this::learn, SharedCooldowns::redisFailed);
    }

    private void learn(Map<String, Long> entries) {
        long now = System.currentTimeMillis();
        List<String> ended = new ArrayList<>();
        entries.forEach((backend, until) -> {
            if (until != null && until > now) {
                local.learn(backend, until);
            } else {
                ended.add(backend);
            }
        });
        if (!ended.isEmpty()) {
            hashes.hdel(hash, ended.toArray(new String[0])).ifNoItem().after(REDIS_TIMEOUT).fail().subscribe()
                    .with(ok -> { }, SharedCooldowns::redisFailed);
        }
    }

    /** Counts a cooldown started, by provider (`key:<keyId>:<provider>:<model>` or `provider:<id>`). */
    private void provider(String backend) {
        String[] parts = backend.split(":", 4);
        String provider = parts[0].equals("provider") ? parts[1] : parts.length > 2 ? parts[2] : "none";
        started.computeIfAbsent(provider, p -> Counter.builder("aigw.backend.cooldowns")
                .description("Cooldowns started by this replica (provider key x model, or provider)").tag("provider", p)
                .register(registry)).increment();
    }

    private static void redisFailed(Throwable failure) {
        Log.debugf("Cooldown state not shared through Redis: %s", failure.getMessage());
    }
}
