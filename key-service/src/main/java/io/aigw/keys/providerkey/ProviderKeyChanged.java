package io.aigw.keys.providerkey;

import java.time.Instant;
import java.util.UUID;

/**
 * Event on {@code provider-key-changes}, key {@code provider-key:<id>}. Types: created, updated,
 * rotated (fetch the new value), deleted ({@code data} null). Never carries the value.
 */
public record ProviderKeyChanged(UUID eventId, String kind, String type, String id, long version, Instant occurredAt,
        ProviderKeyResponse data) {

    public static final String KIND = "provider-key";

    public static ProviderKeyChanged of(String type, String id, long version, Instant occurredAt,
            ProviderKeyResponse data) {
        return new ProviderKeyChanged(UUID.randomUUID(), KIND, type, id, version, occurredAt, data);
    }

    public String kafkaKey() {
        return KIND + ":" + id;
    }
}
