package io.aigw.gateway.auth;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Authenticates a data-plane request from `Authorization: Bearer` or `x-api-key`: token shape, O(1)
 * look-up by public id, constant-time hash compare, status and expiry. Every failure is the same 401.
 */
@Singleton
public class Authenticator {

    private static final GatewayException MISSING = new GatewayException(ErrorCode.AUTHENTICATION_FAILED,
            "Missing access key: send \"Authorization: Bearer <access key>\" or \"x-api-key: <access key>\".");
    private static final GatewayException INVALID =
            new GatewayException(ErrorCode.AUTHENTICATION_FAILED, "Invalid access key.");
    private static final GatewayException UNAVAILABLE = new GatewayException(ErrorCode.AUTHENTICATION_UNAVAILABLE,
            "The access key cannot be checked right now; retry shortly.");

    private final AccessKeyDirectory directory;
    private final SecretHasher hasher;
    private final FailedAuthLimiter failures;

    public Authenticator(AccessKeyDirectory directory, SecretHasher hasher, FailedAuthLimiter failures) {
        this.directory = directory;
        this.hasher = hasher;
        this.failures = failures;
    }

    /**
     * Completes with the key's record, or fails with a {@link GatewayException}. Completes at once on a cache hit.
     * A client address over its limit of failed authentications is refused (429) before any look-up.
     */
    public Future<AccessKeyRecord> authenticate(MultiMap headers, String address) {
        GatewayException refused = address == null ? null : failures.check(address);
        if (refused != null) {
            return Future.failedFuture(refused);
        }
        Future<AccessKeyRecord> result = authenticate(headers);
        if (address != null) {
            result = result.onFailure(e -> {
                if (e instanceof GatewayException g && g.code() == ErrorCode.AUTHENTICATION_FAILED) {
                    failures.failed(address);
                }
            });
        }
        return result;
    }

    /** Completes with the key's record, or fails with a {@link GatewayException}. Completes at once on a cache hit. */
    public Future<AccessKeyRecord> authenticate(MultiMap headers) {
        String presented = presented(headers);
        if (presented == null) {
            return Future.failedFuture(MISSING);
        }
        AccessKeyToken token = AccessKeyToken.parse(presented);
        if (token == null) {
            return Future.failedFuture(INVALID);
        }
        CompletableFuture<Optional<AccessKeyRecord>> found = directory.find(token.publicId());
        if (found.isDone() && !found.isCompletedExceptionally()) {
            return verify(found.join(), token);
        }
        return Future.fromCompletionStage(found, io.vertx.core.Vertx.currentContext()).transform(ar -> ar.succeeded() ? verify(ar.result(), token)
                : Future.failedFuture(UNAVAILABLE));
    }

    private Future<AccessKeyRecord> verify(Optional<AccessKeyRecord> found, AccessKeyToken token) {
        if (found.isEmpty()) {
            return Future.failedFuture(INVALID);
        }
        AccessKeyRecord record = found.get();
        boolean hashOk = hasher.matches(token.secret(), record.secretHash());
        if (!hashOk || !record.usableAt(System.currentTimeMillis())) {
            return Future.failedFuture(INVALID);
        }
        return Future.succeededFuture(record);
    }

    private static String presented(MultiMap headers) {
        String authorization = headers.get("authorization");
        if (authorization != null && authorization.length() > 7
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = headers.get("x-api-key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }
}
