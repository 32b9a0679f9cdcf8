package io.aigw.gateway.proxy;

import io.aigw.gateway.error.ErrorCode;
import io.aigw.gateway.error.GatewayException;
import io.aigw.gateway.routing.Skip;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    /** Attempts skipped because their backend was cooling down, and the shortest wait among them. */
    int cooledDown;
    long shortestCoolingMs = Long.MAX_VALUE;
    /** Why attempts were skipped at run time, for `X-AIGW-Skipped`. */
    final List<Skip> skipped = new ArrayList<>(0);
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

    /** The attempt was not sent: its provider key × model or its provider cools down for {@code waitMs} more. */
    Skip coolingDown(String model, String keyId, long waitMs) {
        cooledDown++;
        shortestCoolingMs = Math.min(shortestCoolingMs, waitMs);
        Skip skip = Skip.coolingDown(model, keyId, waitMs);
        skipped.add(skip);
        return skip;
    }

    /** The client's error once the plan is exhausted after {@code attempts} upstream attempts. */
    GatewayException toError(int attempts, String firstProvider) {
        if (attempts == 0 && untranslatable != null) {
            return untranslatable;
        }
        if (attempts == 0 && cooledDown > 0) {
            String seconds = Long.toString(Math.max(1, (shortestCoolingMs + 999) / 1000));
            return new GatewayException(ErrorCode.ALL_ATTEMPTS_FAILED, 503, "Every backend that could serve this request "
                    + "is cooling down after repeated failures; retry in " + seconds + " s.", null,
                    Map.of("Retry-After", seconds));
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
