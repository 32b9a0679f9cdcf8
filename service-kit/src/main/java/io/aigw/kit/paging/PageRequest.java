package io.aigw.kit.paging;

import io.aigw.kit.problem.ProblemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A page of a list sorted by creation time, then id: {@code limit} and the cursor's key
 * {@code <createdAt micros>:<id>} (PostgreSQL's precision, so the key equals what is stored).
 */
public record PageRequest(int limit, Instant afterCreatedAt, String afterId) {

    public static PageRequest of(String limit, String cursor) {
        int size = Paging.limit(limit);
        String key = Paging.decode(cursor);
        if (key == null) {
            return new PageRequest(size, null, null);
        }
        int colon = key.indexOf(':');
        try {
            long micros = Long.parseLong(key.substring(0, colon));
            return new PageRequest(size, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), key.substring(colon + 1));
        } catch (RuntimeException e) {
            throw ProblemException.parameter("cursor", "Not a cursor returned by this API.");
        }
    }

    public static String cursorFor(Instant createdAt, String id) {
        return Paging.encode(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + ":" + id);
    }

    public boolean hasCursor() {
        return afterId != null;
    }
}
