package io.aigw.keys.providerkey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A provider key as the admin API, the events and the internal list show it: never the value. */
public record ProviderKeyResponse(String id, String providerId, String name, String description, JsonNode metadata,
        String redacted, String status, long version, Instant createdAt, Instant updatedAt) {
}
