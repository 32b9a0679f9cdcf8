package io.aigw.gateway.sync;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The highest version applied per aggregate (`<kind>:<id>`): an event whose version is not above it is a
 * duplicate or arrived out of order and is dropped. Held in memory for the life of the replica.
 */
@ApplicationScoped
public class AppliedVersions {

    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    /** Records {@code version} for {@code aggregate}; false (nothing recorded) when it is not newer. */
    public boolean advance(String aggregate, long version) {
        boolean[] newer = new boolean[1];
        applied.compute(aggregate, (k, current) -> {
            newer[0] = current == null || version > current;
            return newer[0] ? Long.valueOf(version) : current;
        });
        return newer[0];
    }
}
