package io.aigw.config.configuration;

import java.time.Instant;
import java.util.UUID;

/** Event on {@code config-changes}, key {@code configuration:<id>}; {@code data} is null on delete. */
public record ConfigurationChanged(UUID eventId, String kind, String type, String id, long version,
        Instant occurredAt, ConfigurationResponse data) {

    public static final String KIND = "configuration";

    public static ConfigurationChanged of(String type, ConfigurationResponse data, Instant at) {
        return new ConfigurationChanged(UUID.randomUUID(), KIND, type, data.id(), data.version(), at, data);
    }

    public static ConfigurationChanged deleted(String id, long version, Instant at) {
        return new ConfigurationChanged(UUID.randomUUID(), KIND, "deleted", id, version, at, null);
    }

    public String key() {
        return KIND + ":" + id;
    }
}
