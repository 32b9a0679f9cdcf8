package io.aigw.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.HashMap;
import java.util.Map;

/** Which upstream response headers reach the client: content type and the provider's rate-limit headers. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static boolean forwarded(String name) {
        int n = name.length();
        return n > 9 && (name.regionMatches(true, 0, "x-ratelimit-", 0, 12)
                || name.regionMatches(true, 0, "anthropic-ratelimit-", 0, 20)
                || name.regionMatches(true, 0, "ratelimit-", 0, 10))
                || name.equalsIgnoreCase("retry-after") || name.equalsIgnoreCase("retry-after-ms");
    }

    /** Copies content type and rate-limit headers from upstream to the client response. */
    static void copy(MultiMap from, MultiMap to) {
        for (Map.Entry<String, String> header : from) {
            if (forwarded(header.getKey())) {
                to.add(header.getKey(), header.getValue());
            }
        }
        String type = from.get("content-type");
        if (type != null) {
            to.set("content-type", type);
        }
    }

    /** The rate-limit headers alone (for an error answered after upstream rate limiting). */
    static Map<String, String> rateLimit(MultiMap from) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> header : from) {
            if (forwarded(header.getKey())) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        return headers;
    }

    /** Retry-After in milliseconds (`retry-after-ms`, or seconds in `retry-after`); -1 when absent or a date. */
    static long retryAfterMillis(MultiMap headers) {
        String ms = headers.get("retry-after-ms");
        String seconds = headers.get("retry-after");
        try {
            if (ms != null) {
                return (long) Double.parseDouble(ms.trim());
            }
            if (seconds != null) {
                return (long) (Double.parseDouble(seconds.trim()) * 1000);
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
