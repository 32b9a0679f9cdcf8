package io.aigw.gateway.proxy;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.vertx.core.MultiMap;
import java.util.HashMap;
import java.util.Map;

/** What the attempts of one request ran into, to name the final error when all of them failed. */
final class Failures {

    int auth;
    int rateLimited;
    int timeouts;
    int keysUnavailable;
    String last;
    /** Why a model's translation failed (its attempts were skipped), if one did. */
    GatewayException untranslatable;
    String retryAfter;
    Map<String, String> rateLimitHeaders = Map.of();

    /** An attempt answered {@code status} (not 2xx) and the request goes on to another attempt. */
    void upstreamStatus(int status, MultiMap headers) {
        if (status == 429) {
            rateLimited++;
            retryAfter = headers.get("retry-after");
            rateLimitHeaders = ResponseHeaders.rateLimit(headers);
        } else if (status == 401 || status == 403) {
            auth++;
        }
    }

    /** The client's error once the plan is exhausted after {@code attempts} upstream attempts. */
    GatewayException toError(int attempts, String firstProvider) {
        if (attempts == 0 && untranslatable != null) {
            return untranslatable;
        }
        if (attempts == 0) {
            return new GatewayException(ErrorCode.NO_PROVIDER_KEY, "No usable provider key for \"" + firstProvider
                    + "\"" + (keysUnavailable > 0 ? " (keys could not be fetched)." : "."));
        }
        if (rateLimited == attempts) {
            Map<String, String> headers = new HashMap<>(rateLimitHeaders);
            if (retryAfter != null) {
                headers.put("Retry-After", retryAfter);
            }
            return new GatewayException(ErrorCode.UPSTREAM_RATE_LIMITED, ErrorCode.UPSTREAM_RATE_LIMITED.status(),
                    "Every attempt was rate limited upstream (" + attempts + " attempts).", null, headers);
        }
        if (auth == attempts) {
            return new GatewayException(ErrorCode.UPSTREAM_AUTH_FAILED,
                    "Every provider key was rejected upstream (" + attempts + " attempts).");
        }
        if (timeouts == attempts) {
            return new GatewayException(ErrorCode.UPSTREAM_TIMEOUT,
                    "Every attempt timed out (" + attempts + " attempts); the last: " + last + ".");
        }
        return new GatewayException(ErrorCode.ALL_ATTEMPTS_FAILED,
                "All " + attempts + " attempts failed; the last: " + last + ".");
    }
}
