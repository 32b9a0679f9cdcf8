package io.aigw.gateway.usage;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered (version 7, RFC 9562) UUIDs for usage events: 48 bits of Unix milliseconds, then 74 random bits from
 * {@link ThreadLocalRandom}. An event id must be unique, not unguessable ({@link UUID#randomUUID()} takes
 * SecureRandom's global lock on every call). Time-ordered, ids sort like the events' times, and an index on them grows
 * at its right edge instead of taking every insert on a random page (issue 19; the ledger's own key leads with
 * occurred_at since key-service's V14).
 */
final class EventIds {

    private EventIds() {
    }

    static String next() {
        return next(System.currentTimeMillis());
    }

    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & ~(3L << 62)) | (2L << 62);
        return new UUID(high, low).toString();
    }
}
