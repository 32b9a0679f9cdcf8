package io.aigw.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * This replica's view of failing backends (circuit breaking). A backend is a provider key × model
 * ({@code key:<keyId>:<provider:model>}) or a provider ({@code provider:<id>}). Failures are counted in a sliding
 * window; at the threshold the backend is closed for the cooldown. When the cooldown ends it is half-open: one
 * request passes as a probe (another only if that probe has not reported within a cooldown); its success closes
 * the breaker, its failure opens it again. A 429's Retry-After sets its key × model's cooldown (shorter or longer). Only backends that
 * failed are tracked, at most {@link #MAX_TRACKED}, so a healthy request allocates nothing. Thread-safe.
 */
public final class BackendCooldowns {

    static final int MAX_TRACKED = 10_000;
    /** {@link #admit}: pass, as the half-open probe of the key × model, or of the provider. */
    public static final long PROBE_KEY = -1;
    public static final long PROBE_PROVIDER = -2;
    /** The longest Retry-After taken as a cooldown. */
    static final long MAX_RETRY_AFTER_MS = 3_600_000;

    private final LongSupplier clock;
    private final Map<String, Breaker> backends = new ConcurrentHashMap<>();

    public BackendCooldowns(LongSupplier clock) {
        this.clock = clock;
    }

    public static String keyBackend(PlannedAttempt attempt) {
        return "key:" + (attempt.key() == null ? "-" : attempt.key().id()) + ":" + attempt.address().canonical();
    }

    public static String providerBackend(PlannedAttempt attempt) {
        return "provider:" + attempt.address().provider().id();
    }

    /**
     * 0 when the attempt may be sent (a half-open backend lets this one through as its probe), else the
     * milliseconds its provider or key × model still cools down (at least 1).
     */
    public long blockedFor(PlannedAttempt attempt, CooldownSettings settings) {
        return Math.max(0, admit(attempt, settings));
    }

    /** As {@link #blockedFor}, but a pass that took a half-open probe answers {@link #PROBE_KEY} or {@link #PROBE_PROVIDER}. */
    public long admit(PlannedAttempt attempt, CooldownSettings settings) {
        if (!settings.enabled() || backends.isEmpty()) {
            return 0;
        }
        long now = clock.getAsLong();
        long probeTimeout = settings.duration().toMillis();
        Breaker provider = backends.get(providerBackend(attempt));
        if (provider != null && provider.waitFor(now) > 0) {
            return provider.waitFor(now);
        }
        Breaker key = backends.get(keyBackend(attempt));
        long wait = key == null ? 0 : key.admit(now, probeTimeout);
        if (wait == Breaker.PROBE) {
            return PROBE_KEY;
        }
        if (wait == 0 && provider != null) {
            wait = provider.admit(now, probeTimeout);
            if (wait == Breaker.PROBE) {
                return PROBE_PROVIDER;
            }
        }
        return wait;
    }

    /** The backend whose probe {@link #admit} took ({@code probe} is what it answered). */
    public static String probedBackend(PlannedAttempt attempt, long probe) {
        return probe == PROBE_PROVIDER ? providerBackend(attempt) : keyBackend(attempt);
    }

    /** The probe {@link #admit} took is not sent here (another replica holds the cluster's probe). */
    public void releaseProbe(String backend) {
        Breaker breaker = backends.get(backend);
        if (breaker != null) {
            breaker.releaseProbe();
        }
    }

    /**
     * Counts a failure of the attempt's backends; {@code retryAfterMs} (≥ 0: a 429's Retry-After) cools its
     * key × model at least that long. Answers the backends that started a cooldown, with when it ends.
     */
    public List<Cooling> failed(PlannedAttempt attempt, CooldownSettings settings, long retryAfterMs) {
        if (!settings.enabled()) {
            return List.of();
        }
        long now = clock.getAsLong();
        List<Cooling> opened = new ArrayList<>(1);
        String key = keyBackend(attempt);
        Breaker backend = track(key);
        if (backend != null) {
            long until = backend.failure(now, settings.failures(), settings.window().toMillis(), settings.duration().toMillis());
            if (retryAfterMs >= 0) { // the upstream said how long: that is this key's cooldown, shorter or longer
                until = backend.openUntil(now + Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
            }
            if (until > 0) {
                opened.add(new Cooling(key, until));
            }
        }
        if (settings.providerFailures() > 0) {
            String providerId = providerBackend(attempt);
            Breaker provider = track(providerId);
            long until = provider == null ? 0 : provider.failure(now, settings.providerFailures(),
                    settings.window().toMillis(), settings.duration().toMillis());
            if (until > 0) {
                opened.add(new Cooling(providerId, until));
            }
        }
        return opened;
    }

    /** A success closes the attempt's breakers; answers whether one of them was open or half-open. */
    public boolean succeeded(PlannedAttempt attempt) {
        if (backends.isEmpty()) {
            return false;
        }
        boolean wasOpen = false;
        for (String id : new String[] {keyBackend(attempt), providerBackend(attempt)}) {
            Breaker backend = backends.get(id);
            if (backend != null) {
                wasOpen |= backend.success();
            }
        }
        return wasOpen;
    }

    /** A cooldown another replica started (shared through Redis): taken when it ends later than this view's. */
    public void learn(String backend, long until) {
        if (until > clock.getAsLong()) {
            Breaker tracked = track(backend);
            if (tracked != null) {
                tracked.coolUntil(until);
            }
        }
    }

    /** Backends cooling down now (open, or half-open with a probe out). */
    public int cooling() {
        long now = clock.getAsLong();
        int count = 0;
        for (Breaker b : backends.values()) {
            if (b.waitFor(now) > 0) {
                count++;
            }
        }
        return count;
    }

    /** Every tracked backend (only backends that failed lately are tracked: one not listed is healthy), by id. */
    public List<BackendHealth> health(long windowMs) {
        long now = clock.getAsLong();
        List<BackendHealth> all = new ArrayList<>(backends.size());
        backends.forEach((id, breaker) -> all.add(breaker.view(id, now, windowMs)));
        all.sort(java.util.Comparator.comparing(BackendHealth::backend));
        return all;
    }

    /** Forgets backends that are closed and have no failure within {@code windowMs}. */
    public void prune(long windowMs) {
        long now = clock.getAsLong();
        backends.values().removeIf(b -> b.idle(now, windowMs));
    }

    private Breaker track(String id) {
        Breaker backend = backends.get(id);
        if (backend == null && backends.size() < MAX_TRACKED) {
            backend = backends.computeIfAbsent(id, k -> new Breaker());
        }
        return backend;
    }

    /** A cooldown that started: the backend and when it ends (epoch ms). */
    public record Cooling(String backend, long until) {
    }
}
