package io.aigw.keys.common;

import io.aigw.keys.error.FieldError;
import io.aigw.keys.error.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code limit} (1..100, default 20) and an opaque cursor: base64url of the last item's sort key
 * {@code <createdAt micros>:<id>}.
 */
public record PageRequest(int limit, Instant afterCreatedAt, String afterId) {

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > 100) {
            throw ProblemException.validation(FieldError.parameter("limit", "Must be between 1 and 100."));
        }
        if (cursor == null || cursor.isEmpty()) {
            return new PageRequest(size, null, null);
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return new PageRequest(size, Timestamps.ofMicros(Long.parseLong(decoded.substring(0, colon))),
                    decoded.substring(colon + 1));
        } catch (RuntimeException e) {
            throw ProblemException.validation(FieldError.parameter("cursor", "Not a cursor returned by this API."));
        }
    }

    public static String cursorFor(Instant createdAt, String id) {
        String key = Timestamps.toMicros(createdAt) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public boolean hasCursor() {
        return afterId != null;
    }
}
