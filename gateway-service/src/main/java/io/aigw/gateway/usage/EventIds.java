package io.aigw.gateway.usage;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered (version 7, RFC 9562) UUIDs for usage events: 48 bits of Unix milliseconds, then 74 random bits from
 * {@link ThreadLocalRandom}. An event id must be unique, not unguessable ({@link UUID#randomUUID()} takes
 * SecureRandom's global lock on every call). Time-ordered, the ledger's primary key grows at its right edge: a random
 * (version 4) id put every insert on a random page of that index, which costs PostgreSQL a page read, and after
 * each checkpoint a full-page image in the WAL, per event once the index outgrows memory (issue 19).
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
