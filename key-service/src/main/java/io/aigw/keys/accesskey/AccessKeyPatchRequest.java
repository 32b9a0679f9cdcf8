package io.aigw.keys.accesskey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code PATCH /admin/v1/access-keys/{id}}: a field left out is kept, a field set to
 * {@code null} is cleared (Jackson gives {@code null} for absent and NullNode for explicit null).
 */
public record AccessKeyPatchRequest(JsonNode name, JsonNode description, JsonNode metadata, JsonNode configurationId,
        JsonNode expiresAt) {
}
