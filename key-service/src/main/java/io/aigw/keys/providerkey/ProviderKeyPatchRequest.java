package io.aigw.keys.providerkey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Body of {@code PATCH /admin/v1/provider-keys/{id}}: only name, description and metadata (absent =
 * keep, null = clear). The value changes only through rotate; providerId never changes.
 */
public record ProviderKeyPatchRequest(JsonNode name, JsonNode description, JsonNode metadata) {
}
