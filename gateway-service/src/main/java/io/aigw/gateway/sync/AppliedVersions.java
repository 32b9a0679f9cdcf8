package io.aigw.gateway.sync;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest version applied per aggregate (`<kind>:<id>`): an event whose version is not above it is a
 * duplicate or arrived out of order and is dropped. Held in memory for the life of the replica.
 */
@Singleton
public class AppliedVersions {

    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    /**
     * Records {@code version} of a change of {@code type} for {@code aggregate}; false (nothing recorded) when it is
     * not newer. A `created` event after a `deleted` one always applies: a re-created aggregate's versions restart
     * at 1, and it must not wait for the periodic refresh. (A deleted aggregate's version is held negated.)
     */
    public boolean advance(String aggregate, long version, String type) {
        boolean deleted = "deleted".equals(type);
        boolean[] newer = new boolean[1];
        applied.compute(aggregate, (k, current) -> {
            newer[0] = current == null || (current < 0 ? "created".equals(type) || version > -current : version > current);
            if (!newer[0]) {
                return current;
            }
            return deleted ? Long.valueOf(-Math.max(1, version)) : Long.valueOf(version);
        });
        return newer[0];
    }
}
