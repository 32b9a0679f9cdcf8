package io.aigw.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aigw.gateway.config.GatewayConfig;
import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed authentications per client address (the connection's, or the forwarded one when
 * `quarkus.http.proxy.proxy-address-forwarding` is on behind an ingress): past {@code failed-auth-limit} in a
 * {@code failed-auth-window}, the address is refused with 429 before any look-up, until its window ends. Bounded
 * in memory (the most recent 100,000 addresses). Off unless {@code failed-auth-limit} is set.
 */
@Singleton
public class FailedAuthLimiter {

    private final Cache<String, AtomicInteger> failures;
    private final int limit;
    private final GatewayException refused;

    public FailedAuthLimiter(GatewayConfig config) {
        this.limit = config.failedAuthLimit();
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(config.failedAuthWindow()).build();
        this.refused = new GatewayException(ErrorCode.RATE_LIMITED, 429,
                "Too many failed authentications from this address; retry later.", null,
                Map.of("Retry-After", Long.toString(Math.max(1, config.failedAuthWindow().toSeconds()))));
    }

    /** The refusal when {@code address} is over its limit, else null. */
    public GatewayException check(String address) {
        if (limit <= 0) {
            return null;
        }
        AtomicInteger count = failures.getIfPresent(address);
        return count != null && count.get() >= limit ? refused : null;
    }

    /** Counts one failed authentication of {@code address} (its window starts with its first failure). */
    public void failed(String address) {
        if (limit <= 0) {
            return;
        }
        failures.get(address, a -> new AtomicInteger()).incrementAndGet();
    }
}
