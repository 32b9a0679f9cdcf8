package io.aigw.kit.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.aigw.kit.KitConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;

/**
 * Issued admin tokens verified by key-service ({@code POST /internal/v1/admin-tokens:verify}, service token) and the
 * answer cached briefly, keyed by a SHA-256 of the token: a valid answer at most {@code valid-ttl} (≤ 5 s) and never
 * past the token's expiry, an invalid one {@code invalid-ttl}; a failed call is not cached. Logs name the token's id
 * ({@code at_<publicId>}), never the token. key-service itself replaces this bean with a local check.
 */
@DefaultBean
@ApplicationScoped
public class RemoteIssuedTokenVerifier implements IssuedTokenVerifier {

    static final Duration MAX_VALID_TTL = Duration.ofSeconds(5);
    static final String VERIFY_PATH = "/internal/v1/admin-tokens:verify";

    private final WebClient client;
    private final String verifyUrl;
    private final ServiceTokens tokens;
    private final long timeoutMs;
    private final AsyncCache<String, Verdict> cache;

    public RemoteIssuedTokenVerifier(Vertx vertx, KitConfig config, ServiceTokens tokens) {
        KitConfig.IssuedTokens settings = config.issuedTokens();
        this.timeoutMs = settings.timeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) timeoutMs).setMaxPoolSize(8));
        String base = config.keysUrl();
        this.verifyUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + VERIFY_PATH;
        this.tokens = tokens;
        Duration validTtl = min(settings.validTtl(), MAX_VALID_TTL);
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize())
                .expireAfter(new VerdictExpiry(validTtl, min(settings.invalidTtl(), validTtl))).buildAsync();
    }

    @Override
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
    private CompletableFuture<Verdict> ask(String token, String tokenId) {
        return Uni.createFrom().completionStage(() -> client.postAbs(verifyUrl).timeout(timeoutMs)
                        .putHeader("Authorization", tokens.serviceAuthorization())
                        .putHeader("Accept", "application/json")
                        .sendJsonObject(new JsonObject().put("token", token)).toCompletionStage())
                .map(RemoteIssuedTokenVerifier::read)
                .onFailure().invoke(failure -> Log.warnf("Refused admin token %s: key-service (%s) could not verify it: %s",
                        tokenId, verifyUrl, failure.getMessage()))
                .onFailure().recoverWithNull()
                .subscribeAsCompletionStage();
    }

    private static Verdict read(HttpResponse<?> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("key-service answered HTTP " + response.statusCode());
        }
        try {
            JsonObject body = response.bodyAsJsonObject();
            if (body == null || !(body.getValue("valid") instanceof Boolean valid)) {
                throw new IllegalStateException("no boolean \"valid\"");
            }
            String expiresAt = valid ? body.getString("expiresAt") : null;
            return new Verdict(valid, expiresAt == null ? null : Instant.parse(expiresAt));
        } catch (RuntimeException e) {
            throw new IllegalStateException("key-service sent a verify answer that does not parse");
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** key-service's answer; {@code expiresAt} null = no expiry. */
    record Verdict(boolean valid, Instant expiresAt) {

        boolean usableAt(Instant now) {
            return valid && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    /** Valid answers live {@code validTtl}, never past the token's expiry; invalid ones {@code invalidTtl}. */
    private record VerdictExpiry(Duration validTtl, Duration invalidTtl) implements Expiry<String, Verdict> {

        @Override
        public long expireAfterCreate(String key, Verdict verdict, long currentTime) {
            if (!verdict.valid()) {
                return invalidTtl.toNanos();
            }
            if (verdict.expiresAt() == null) {
                return validTtl.toNanos();
            }
            return Math.max(0, min(Duration.between(Instant.now(), verdict.expiresAt()), validTtl).toNanos());
        }

        @Override
        public long expireAfterUpdate(String key, Verdict verdict, long currentTime, long currentDuration) {
            return expireAfterCreate(key, verdict, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Verdict verdict, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
