package io.aigw.config.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.aigw.config.ConfigServiceConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Admin tokens issued by key-service ({@code aga-<publicId>-g1-<secret>}): verified there and the answer
 * cached briefly, keyed by a SHA-256 of the token. A valid answer is kept at most {@code valid-ttl}
 * (≤ 5 s) and never past the token's expiry, an invalid one {@code invalid-ttl}; a failed call is not
 * cached, so the next request asks again. Logs name the token's id ({@code at_<publicId>}), never the token.
 */
@ApplicationScoped
public class IssuedAdminTokens {

    static final Duration MAX_VALID_TTL = Duration.ofSeconds(5);
    private static final Pattern SHAPE = Pattern.compile("aga-([0-9a-z]{8,32})-g1-[0-9A-Za-z]{16,128}");

    private final KeyServiceClient keyService;
    private final AsyncCache<String, AdminTokenVerdict> cache;

    public IssuedAdminTokens(KeyServiceClient keyService, ConfigServiceConfig config) {
        this.keyService = keyService;
        ConfigServiceConfig.IssuedTokens settings = config.issuedTokens();
        Duration validTtl = min(settings.validTtl(), MAX_VALID_TTL);
        Duration invalidTtl = min(settings.invalidTtl(), validTtl);
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfter(new VerdictExpiry(validTtl, invalidTtl))
                .buildAsync();
    }

    /** Whether {@code token} looks like an issued admin token ({@code aga-…}); only those go to key-service. */
    public static boolean looksIssued(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /** True when key-service says the token is usable now; false when not, or when key-service cannot answer. */
    public Uni<Boolean> isValid(String token) {
        Matcher shape = token == null ? null : SHAPE.matcher(token);
        if (shape == null || !shape.matches()) {
            return Uni.createFrom().item(false);
        }
        String tokenId = "at_" + shape.group(1);
        return Uni.createFrom()
                .completionStage(() -> cache.get(sha256(token), (key, executor) -> ask(token, tokenId)))
                .map(verdict -> verdict != null && verdict.usableAt(Instant.now()));
    }

    /** key-service's verdict; {@code null} (which the cache does not keep) when it could not give one. */
    private CompletableFuture<AdminTokenVerdict> ask(String token, String tokenId) {
        return keyService.verify(token)
                .onFailure().invoke(failure -> Log.warnf("Refused admin token %s: key-service (%s) could not verify it: %s",
                        tokenId, keyService.verifyUrl(), failure.getMessage()))
                .onFailure().recoverWithNull()
                .subscribeAsCompletionStage();
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Valid answers live {@code validTtl}, but never past the token's expiry; invalid ones {@code invalidTtl}. */
    private record VerdictExpiry(Duration validTtl, Duration invalidTtl) implements Expiry<String, AdminTokenVerdict> {

        @Override
        public long expireAfterCreate(String key, AdminTokenVerdict verdict, long currentTime) {
            if (!verdict.valid()) {
                return invalidTtl.toNanos();
            }
            if (verdict.expiresAt() == null) {
                return validTtl.toNanos();
            }
            Duration left = Duration.between(Instant.now(), verdict.expiresAt());
            return Math.max(0, min(left, validTtl).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, AdminTokenVerdict verdict, long currentTime, long currentDuration) {
            return expireAfterCreate(key, verdict, currentTime);
        }

        @Override
        public long expireAfterRead(String key, AdminTokenVerdict verdict, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
