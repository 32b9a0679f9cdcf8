package io.aigw.gateway.usage;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for usage events from {@link ThreadLocalRandom}: an event id must be unique, not
 * unguessable, and {@link UUID#randomUUID()} takes SecureRandom's global lock on every call.
 */
final class EventIds {

    private EventIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(3L << 62)) | (2L << 62);
        return new UUID(high, low).toString();
    }
}
