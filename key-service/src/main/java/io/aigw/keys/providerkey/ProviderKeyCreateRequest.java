package io.aigw.keys.providerkey;

import com.fasterxml.jackson.databind.JsonNode;

/** Body of {@code POST /admin/v1/provider-keys}. {@code value} is write-only and never printed. */
public record ProviderKeyCreateRequest(String providerId, String name, String description, JsonNode metadata,
        String value) {

    @Override
    public String toString() {
        return "ProviderKeyCreateRequest[providerId=" + providerId + ", name=" + name + ", value=[REDACTED]]";
    }
}
