package io.aigw.keys.accesskey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An access key as the admin API, the events and the snapshot show it: no secret, no hash. */
public record AccessKeyResponse(String id, String publicId, String name, String description, JsonNode metadata,
        String configurationId, String status, Instant expiresAt, String redacted, long version, Instant createdAt,
        Instant updatedAt, Instant lastUsedAt) {
}
