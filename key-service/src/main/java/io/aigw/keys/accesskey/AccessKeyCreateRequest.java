package io.aigw.keys.accesskey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Body of {@code POST /admin/v1/access-keys}. A null configurationId allows every provider and model. */
public record AccessKeyCreateRequest(String name, String description, JsonNode metadata, String configurationId,
        Instant expiresAt) {
}
