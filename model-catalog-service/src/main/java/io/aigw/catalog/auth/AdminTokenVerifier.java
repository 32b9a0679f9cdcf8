package io.aigw.catalog.auth;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.aigw.catalog.config.CatalogConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
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
 * Verifies admin tokens issued by key-service ({@code aga-<publicId>-g1-<secret>}) with its
 * {@code POST /internal/v1/admin-tokens:verify} (service token), non-blocking. Answers are cached by the
 * SHA-256 of the token (never the token itself): valid ones for at most {@code valid-ttl} (≤ 5 s, and not past
 * the token's expiry), invalid ones for {@code invalid-ttl}. Failures (key-service unreachable, timeout, an
 * unexpected status) are not cached and count as invalid; the log names the token id only.
 */
@Singleton
public class AdminTokenVerifier {

    static final Duration MAX_VALID_TTL = Duration.ofSeconds(5);
    private static final Pattern SHAPE = Pattern.compile("aga-([0-9a-z]{10,32})-g1-[0-9A-Za-z]{32,128}");
    private static final String VERIFY_PATH = "/internal/v1/admin-tokens:verify";

    private final WebClient client;
    private final String verifyUrl;
    private final String authorization;
    private final long timeoutMs;
    private final AsyncCache<String, Verdict> cache;

    public AdminTokenVerifier(Vertx vertx, CatalogConfig config) {
        CatalogConfig.AdminTokens settings = config.adminTokens();
        this.timeoutMs = settings.verifyTimeout().toMillis();
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) timeoutMs).setMaxPoolSize(8));
        this.verifyUrl = config.keysUrl().replaceAll("/+$", "") + VERIFY_PATH;
        this.authorization = "Bearer " + config.serviceToken().orElse("");
        Duration validTtl = settings.validTtl().compareTo(MAX_VALID_TTL) > 0 ? MAX_VALID_TTL : settings.validTtl();
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize())
                .expireAfter(new VerdictExpiry(validTtl, settings.invalidTtl()))
                .buildAsync();
    }

    /** Whether {@code token} has the shape of an issued admin token (only those are sent to key-service). */
    public static boolean isIssuedShape(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    /**
     * True when key-service says {@code token} is usable now. Completes on the caller's Vert.x context; never
     * fails (an unreachable key-service answers false).
     */
    public Uni<Boolean> isValid(String token) {
        Matcher m = SHAPE.matcher(token == null ? "" : token);
        if (!m.matches()) {
            return Uni.createFrom().item(false);
        }
        String tokenId = "at_" + m.group(1);
        Context context = Vertx.currentContext();
        CompletableFuture<Verdict> answer = cache.get(hash(token), (key, executor) -> verify(token));
        Uni<Boolean> valid = Uni.createFrom().completionStage(answer)
                .map(Verdict::usableNow)
                .onFailure().invoke(e -> Log.warnf("Could not verify issued admin token %s with key-service at %s: %s",
                        tokenId, verifyUrl, e.getMessage()))
                .onFailure().recoverWithItem(false);
        return context == null ? valid : valid.emitOn(task -> context.runOnContext(v -> task.run()));
    }

    private CompletableFuture<Verdict> verify(String token) {
        return client.postAbs(verifyUrl).timeout(timeoutMs)
                .putHeader("Authorization", authorization).putHeader("Accept", "application/json")
                .sendJsonObject(new JsonObject().put("token", token))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("key-service answered HTTP " + response.statusCode());
                    }
                    JsonObject body = response.bodyAsJsonObject();
                    boolean valid = Boolean.TRUE.equals(body.getBoolean("valid"));
                    String expiresAt = body.getString("expiresAt");
                    return new Verdict(valid, valid && expiresAt != null ? Instant.parse(expiresAt) : null);
                })
                .toCompletionStage().toCompletableFuture();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** key-service's answer; {@code expiresAt} null = no expiry. */
    record Verdict(boolean valid, Instant expiresAt) {

        boolean usableNow() {
            return valid && (expiresAt == null || Instant.now().isBefore(expiresAt));
        }
    }

    /** Valid answers live {@code validTtl} but not past the token's expiry; invalid ones {@code invalidTtl}. */
    private record VerdictExpiry(Duration validTtl, Duration invalidTtl) implements Expiry<String, Verdict> {

        @Override
        public long expireAfterCreate(String key, Verdict verdict, long currentTime) {
            if (!verdict.valid()) {
                return invalidTtl.toNanos();
            }
            long ttl = validTtl.toNanos();
            if (verdict.expiresAt() != null) {
                long untilExpiry = Duration.between(Instant.now(), verdict.expiresAt()).toNanos();
                ttl = Math.max(0, Math.min(ttl, untilExpiry));
            }
            return ttl;
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
