package io.aigw.keys.accesskey;

import java.time.Instant;
import java.util.UUID;

/**
 * Event on {@code access-key-changes}, key {@code access-key:<id>}. Types: created, updated, revoked,
 * deleted ({@code data} null). Gateways evict {@code publicId} (the id without {@code ak_}) at once on
 * revoked and deleted, and re-resolve on the others. Never carries the secret or its hash.
 */
public record AccessKeyChanged(UUID eventId, String kind, String type, String id, long version, Instant occurredAt,
        AccessKeyResponse data) {

    public static final String KIND = "access-key";

    public static AccessKeyChanged of(String type, String id, long version, Instant occurredAt, AccessKeyResponse data) {
        return new AccessKeyChanged(UUID.randomUUID(), KIND, type, id, version, occurredAt, data);
    }

    public String kafkaKey() {
        return KIND + ":" + id;
    }
}
