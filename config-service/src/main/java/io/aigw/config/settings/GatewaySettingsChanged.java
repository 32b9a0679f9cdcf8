package io.aigw.config.settings;

import java.time.Instant;
import java.util.UUID;

/** Event on {@code config-changes}, key {@code gateway-settings:global}. */
public record GatewaySettingsChanged(UUID eventId, String kind, String type, String id, long version,
        Instant occurredAt, GatewaySettingsResponse data) {

    public static final String KIND = "gateway-settings";

    public static GatewaySettingsChanged updated(GatewaySettingsResponse data) {
        return new GatewaySettingsChanged(UUID.randomUUID(), KIND, "updated", GatewaySettings.GLOBAL,
                data.version(), data.updatedAt(), data);
    }

    public String key() {
        return KIND + ":" + id;
    }
}
